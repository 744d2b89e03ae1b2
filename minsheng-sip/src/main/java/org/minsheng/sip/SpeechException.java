package org.minsheng.sip;

/** The speech engine could not make a prompt (not installed, failed, timed out). */
public final class SpeechException extends RuntimeException {
	public SpeechException(String message, Throwable cause) {
		super(message, cause);
	}
}
