package org.minsheng.identity;

import com.fasterxml.jackson.annotation.JsonValue;

/** Serialized as the bare number. */
public record UserId(@JsonValue long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
