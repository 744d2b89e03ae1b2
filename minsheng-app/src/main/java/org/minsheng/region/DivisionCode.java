package org.minsheng.region;

import java.util.regex.Pattern;

/**
 * An official division code: 2 digits for a province, 4 for a city, 6 for a district or county, 9
 * for a street or town (the NBS statistical code without its trailing zeros).
 */
public record DivisionCode(String value) {

	private static final Pattern FORM = Pattern.compile("\\d{2}|\\d{4}|\\d{6}|\\d{9}");

	public DivisionCode {
		if (value == null || !FORM.matcher(value).matches()) {
			throw new IllegalArgumentException("行政区划代码为 2、4、6 或 9 位数字，而不是「" + value + "」");
		}
	}

	public static boolean isWellFormed(String value) {
		return value != null && FORM.matcher(value).matches();
	}

	public DivisionLevel level() {
		return switch (value.length()) {
			case 2 -> DivisionLevel.PROVINCE;
			case 4 -> DivisionLevel.CITY;
			case 6 -> DivisionLevel.DISTRICT;
			default -> DivisionLevel.STREET;
		};
	}

	/** True when this division lies within (or is) the other one. */
	public boolean within(DivisionCode other) {
		return value.startsWith(other.value);
	}

	@Override
	public String toString() {
		return value;
	}
}
