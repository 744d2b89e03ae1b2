package org.minsheng.platform;

/**
 * A request that clashes with the current state of a record. State-machine rejections use
 * {@link #illegalTransition} so that every one reads the same way.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

	/** {@code Expected to accept work order 'WO20261123000123', but it is in state REPLIED}. */
	public static ConflictException illegalTransition(String action, String kind, Object id, Object state) {
		return new ConflictException("Expected to " + action + " " + kind + " '" + id + "', but it is in state " + state);
	}
}
