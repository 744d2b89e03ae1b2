package org.minsheng.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The working periods of a working day, e.g. 09:00–12:00 and 13:00–18:00, in order and not
 * overlapping.
 */
public record WorkingHours(List<Period> periods) {

	public record Period(LocalTime start, LocalTime end) {

		public Period {
			if (!start.isBefore(end)) {
				throw new IllegalArgumentException("工作时段须先开始后结束：" + start + "-" + end);
			}
		}

		public Duration length() {
			return Duration.between(start, end);
		}
	}

	public WorkingHours {
		if (periods == null || periods.isEmpty()) {
			throw new IllegalArgumentException("工作时间至少需要一个时段");
		}
		for (int i = 1; i < periods.size(); i++) {
			if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
				throw new IllegalArgumentException("工作时段须按先后排列且不能重叠");
			}
		}
		periods = List.copyOf(periods);
	}

	/** Parses {@code 09:00-12:00,13:00-18:00}. */
	public static WorkingHours parse(String text) {
		var periods = new ArrayList<Period>();
		for (var part : text.split(",")) {
			var bounds = part.strip().split("-");
			if (bounds.length != 2) {
				throw new IllegalArgumentException("不是工作时段（HH:mm-HH:mm）：「" + part.strip() + "」");
			}
			periods.add(new Period(LocalTime.parse(bounds[0].strip()), LocalTime.parse(bounds[1].strip())));
		}
		return new WorkingHours(periods);
	}

	/** Working time in one working day. */
	public Duration perDay() {
		return periods.stream().map(Period::length).reduce(Duration.ZERO, Duration::plus);
	}
}
