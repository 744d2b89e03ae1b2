package org.minsheng.platform;

/** Input that is well-formed but not acceptable; names the field so clients can point at it. */
public class InvalidFieldException extends RuntimeException {

	private final String field;

	public InvalidFieldException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
