package org.minsheng.citizen;

import com.fasterxml.jackson.annotation.JsonValue;

/** Serialized as the bare number. */
public record CitizenId(@JsonValue long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
