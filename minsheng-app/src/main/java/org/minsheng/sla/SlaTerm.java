package org.minsheng.sla;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A time limit as a hotline states it: {@code 30m} and {@code 2h} count natural time (urgent
 * orders), {@code 8wh} working hours and {@code 5wd} working days on the official calendar.
 */
public record SlaTerm(int amount, Unit unit) {

	private static final Pattern FORM = Pattern.compile("(\\d{1,4})(m|h|wh|wd)");

	public enum Unit {

		MINUTES("m", "分钟", true), HOURS("h", "小时", true), WORKING_HOURS("wh", "个工作小时", false),
		WORKING_DAYS("wd", "个工作日", false);

		private final String suffix;

		private final String label;

		private final boolean natural;

		Unit(String suffix, String label, boolean natural) {
			this.suffix = suffix;
			this.label = label;
			this.natural = natural;
		}
	}

	public SlaTerm {
		if (amount <= 0) {
			throw new IllegalArgumentException("时限须大于零：" + amount);
		}
	}

	/** Parses {@code 30m}, {@code 2h}, {@code 8wh} or {@code 5wd}. */
	public static SlaTerm parse(String text) {
		var m = FORM.matcher(text == null ? "" : text.strip());
		if (!m.matches()) {
			throw new IllegalArgumentException(
					"不是时限：「" + text + "」（应如 30m、2h、8wh 工作小时或 5wd 工作日）");
		}
		var amount = Integer.parseInt(m.group(1));
		for (var unit : Unit.values()) {
			if (unit.suffix.equals(m.group(2))) {
				return new SlaTerm(amount, unit);
			}
		}
		throw new IllegalStateException();
	}

	/** True when the limit counts natural time, false when it counts working time. */
	public boolean natural() {
		return unit.natural;
	}

	/** The limit as natural or working time; a working day is one day of {@code hours}. */
	public Duration duration(WorkingHours hours) {
		return switch (unit) {
			case MINUTES -> Duration.ofMinutes(amount);
			case HOURS, WORKING_HOURS -> Duration.ofHours(amount);
			case WORKING_DAYS -> hours.perDay().multipliedBy(amount);
		};
	}

	/** {@code 5个工作日}, {@code 30分钟}. */
	public String label() {
		return amount + unit.label;
	}

	@Override
	public String toString() {
		return amount + unit.suffix;
	}
}
