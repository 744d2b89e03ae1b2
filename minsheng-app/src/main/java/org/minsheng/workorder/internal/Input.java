package org.minsheng.workorder.internal;

import org.minsheng.platform.InvalidFieldException;
import org.minsheng.privacy.PhoneNumber;

/** The checks of a field's text the work-order commands share: required, limited in length, a phone number. */
final class Input {

	private Input() {
	}

	static String normalizedPhone(String raw, String field) {
		try {
			return PhoneNumber.parse(raw).digits();
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldException(field, e.getMessage());
		}
	}

	static void notNull(Object value, String field, String message) {
		if (value == null) {
			throw new InvalidFieldException(field, message);
		}
	}

	/** The text stripped; refused with the message when blank, or when longer than {@code max}. */
	static String required(String value, String field, String message, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidFieldException(field, message);
		}
		return limited(value, field, max);
	}

	/** The text stripped, null when blank; refused when longer than {@code max}. */
	static String limited(String value, String field, int max) {
		if (value != null && value.strip().length() > max) {
			throw new InvalidFieldException(field, "最多 " + max + " 个字符");
		}
		return blankToNull(value);
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
