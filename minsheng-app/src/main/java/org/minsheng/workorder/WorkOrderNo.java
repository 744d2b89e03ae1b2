package org.minsheng.workorder;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

import org.minsheng.platform.NotFoundException;

import com.fasterxml.jackson.annotation.JsonValue;

/** A work order's readable number: {@code WO} + registration date + a six-digit daily sequence. */
public record WorkOrderNo(@JsonValue String value) {

	private static final Pattern FORM = Pattern.compile("WO\\d{8}\\d{6}");

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	public WorkOrderNo {
		if (value == null || !FORM.matcher(value).matches()) {
			throw new IllegalArgumentException("不是工单编号（WO + 年月日 + 6 位序号）：「" + value + "」");
		}
	}

	public static WorkOrderNo of(LocalDate day, int sequence) {
		if (sequence < 1 || sequence > 999_999) {
			throw new IllegalArgumentException("A daily sequence lies between 1 and 999999: " + sequence);
		}
		return new WorkOrderNo("WO" + DAY.format(day) + "%06d".formatted(sequence));
	}

	/** The number named in a path or link; a malformed one is an order that does not exist (404). */
	public static WorkOrderNo fromPath(String value) {
		var normal = normalize(value);
		if (!isWellFormed(normal)) {
			throw new NotFoundException("工单", value);
		}
		return new WorkOrderNo(normal);
	}

	public static boolean isWellFormed(String value) {
		return value != null && FORM.matcher(value).matches();
	}

	/**
	 * A number as a person types or reads it out: full-width letters and digits folded (NFKC),
	 * spaces dropped, {@code wo} upper case. Null stays null.
	 */
	public static String normalize(String typed) {
		return typed == null ? null
				: Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("\\s", "")
					.toUpperCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return value;
	}
}
