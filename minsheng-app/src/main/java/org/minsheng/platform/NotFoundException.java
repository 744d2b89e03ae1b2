package org.minsheng.platform;

/** A record that does not exist, or that the caller's data scope does not reach (never told apart). */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String kind, Object id) {
		super("No " + kind + " '" + id + "' found");
	}
}
