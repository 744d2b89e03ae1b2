package org.minsheng.sip;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;

/** The SIP Call-ID of a citizen's call (its caller leg); in JSON, the Call-ID as a string. */
public record CallId(@JsonValue String value) {
	public CallId {
		Objects.requireNonNull(value, "value");
		if (value.isBlank()) throw new IllegalArgumentException("Call-ID is blank");
	}

	@Override
	public String toString() {
		return value;
	}
}
