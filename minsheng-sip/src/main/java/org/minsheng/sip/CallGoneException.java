package org.minsheng.sip;

/** The caller hung up while the flow was waiting on something. */
public final class CallGoneException extends RuntimeException {
	public CallGoneException(CallId id) {
		super("Call '" + id + "' has ended");
	}
}
