package org.minsheng.sip;

import java.util.Objects;

/** The SIP Call-ID of a citizen's call (its caller leg). */
public record CallId(String value) {
	public CallId {
		Objects.requireNonNull(value, "value");
		if (value.isBlank()) throw new IllegalArgumentException("Call-ID is blank");
	}

	@Override
	public String toString() {
		return value;
	}
}
