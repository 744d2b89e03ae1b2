package org.minsheng.privacy;

import java.text.Normalizer;
import java.util.Locale;

/** The kinds of personal data that are encrypted, each with its normal form for indexing and its mask. */
public enum PersonalDataKind {

	PHONE {
		@Override
		public String normalize(String raw) {
			// full-width digits (１３８) are digits; a leading + is the international prefix 00
			var text = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
			var digits = (text.startsWith("+") ? "00" : "") + text.replaceAll("[^0-9]", "");
			return PhoneNumber.withoutCountryCode(digits);
		}

		@Override
		public String mask(String value) {
			if (value == null || value.length() < 7) {
				return value == null ? null : "*".repeat(value.length());
			}
			return value.substring(0, 3) + "****" + value.substring(value.length() - 4);
		}
	},

	ID_NUMBER {
		@Override
		public String normalize(String raw) {
			return Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("\\s", "").toUpperCase(Locale.ROOT);
		}

		@Override
		public String mask(String value) {
			if (value == null || value.length() < 9) {
				return value == null ? null : "*".repeat(value.length());
			}
			return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
		}
	},

	NAME {
		@Override
		public String normalize(String raw) {
			return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
		}

		@Override
		public String mask(String value) {
			if (value == null || value.isEmpty()) {
				return value;
			}
			int first = value.offsetByCodePoints(0, 1);
			return value.substring(0, first) + "*".repeat(Math.max(1, value.codePointCount(first, value.length())));
		}
	};

	public abstract String normalize(String raw);

	/** {@code 138****1234}, {@code 4401**********1234}, {@code 张*}. */
	public abstract String mask(String value);
}
