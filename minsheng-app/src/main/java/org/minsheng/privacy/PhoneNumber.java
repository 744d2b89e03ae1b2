package org.minsheng.privacy;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * A phone number as a citizen or an agent types it, read in the forms a Chinese hotline meets:
 * full-width digits and separators folded (NFKC), the country code {@code +86} / {@code 0086}
 * dropped, and the digits checked against the numbering plan.
 *
 * @param digits the number as dialled inside China (international ones with their country code)
 * @param kind   which form it has
 */
public record PhoneNumber(String digits, Kind kind) {

	/** The forms a number may take; anything else is refused with a message that says which these are. */
	public enum Kind {

		/** 11 digits, 13x to 19x. */
		MOBILE(Pattern.compile("1[3-9]\\d{9}")),
		/** Area code (010, 02x, 0xxx) and a 7 or 8 digit local number. */
		LANDLINE(Pattern.compile("0(?:10|2\\d|[3-9]\\d{2})[2-9]\\d{6,7}")),
		/** 400 and 800 numbers of companies and services. */
		SERVICE(Pattern.compile("[48]00\\d{7}")),
		/** Short service numbers: 110, 119, 12345, 10086, 95588, 96xxx. */
		SHORT(Pattern.compile("1\\d{2}|1\\d{4}|9[56]\\d{3}")),
		/** A local landline without its area code (7 or 8 digits), as callers often give it. */
		LOCAL(Pattern.compile("[2-9]\\d{6,7}")),
		/** A number abroad (Hong Kong, Macao, Taiwan, elsewhere) with its country code, E.164 length. */
		INTERNATIONAL(Pattern.compile("00[1-9]\\d{6,14}"));

		private final Pattern form;

		Kind(Pattern form) {
			this.form = form;
		}
	}

	static final String FORMS = "应为 11 位手机号、带区号的固定电话（如 0755-83456789）、400/800 号码、服务短号（如 12345）"
			+ "或带国家代码的境外号码";

	private static final Pattern ALLOWED = Pattern.compile("\\+?[0-9 ()\\-.]+");

	public PhoneNumber {
		if (digits == null || kind == null || !kind.form.matcher(digits).matches()) {
			throw new IllegalArgumentException("电话号码格式不对（" + digits + "）：" + FORMS);
		}
	}

	/**
	 * Reads a number as typed; throws {@link IllegalArgumentException} with a message in Chinese
	 * that says what is wrong and which forms are taken.
	 */
	public static PhoneNumber parse(String raw) {
		if (raw == null || raw.isBlank()) throw new IllegalArgumentException("请填写电话号码");
		var text = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
		if (!ALLOWED.matcher(text).matches()) {
			throw new IllegalArgumentException("电话号码只能含数字、空格、括号、“-”和开头的“+”：" + FORMS);
		}
		var digits = PersonalDataKind.PHONE.normalize(text);
		for (var kind : Kind.values()) {
			if (kind.form.matcher(digits).matches()) return new PhoneNumber(digits, kind);
		}
		if (digits.length() > 15) {
			throw new IllegalArgumentException("电话号码太长（" + digits.length() + " 位）：" + FORMS);
		}
		throw new IllegalArgumentException("电话号码格式不对：" + FORMS);
	}

	/** China's country code dropped: 0086 138… and 86 138… (13 digits) are 138…. */
	static String withoutCountryCode(String digits) {
		if (digits.startsWith("0086") && digits.length() > 11) return digits.substring(4);
		if (digits.startsWith("86") && digits.length() == 13) return digits.substring(2);
		return digits;
	}

	@Override
	public String toString() {
		return PersonalDataKind.PHONE.mask(digits);
	}
}
