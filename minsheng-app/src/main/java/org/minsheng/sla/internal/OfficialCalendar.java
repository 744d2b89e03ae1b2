package org.minsheng.sla.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

import org.minsheng.sla.WorkingCalendar;
import org.minsheng.sla.WorkingHours;

/**
 * The calendar of the State Council's holiday notices: a date listed in a notice is off or a
 * make-up workday as the notice says; any other date is a working day from Monday to Friday.
 * Pure and immutable; safe to share between threads.
 */
final class OfficialCalendar implements WorkingCalendar {

	/** No real calendar goes this long without a working day; a longer run means broken data. */
	private static final int MAX_DAYS_WITHOUT_WORK = 366;

	private final Map<LocalDate, Boolean> offByNotice;

	private final Set<Integer> coveredYears;

	private final WorkingHours hours;

	private final ZoneId zone;

	OfficialCalendar(Map<LocalDate, Boolean> offByNotice, Set<Integer> coveredYears, WorkingHours hours,
			ZoneId zone) {
		this.offByNotice = Map.copyOf(offByNotice);
		this.coveredYears = Set.copyOf(coveredYears);
		this.hours = hours;
		this.zone = zone;
	}

	@Override
	public boolean isWorkingDay(LocalDate date) {
		var off = offByNotice.get(date);
		if (off != null) {
			return !off;
		}
		var day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
	}

	@Override
	public ZonedDateTime plus(ZonedDateTime start, Duration workingTime) {
		if (workingTime.isNegative()) {
			throw new IllegalArgumentException("Working time to add must not be negative: " + workingTime);
		}
		var cursor = start.withZoneSameInstant(zone);
		if (workingTime.isZero()) {
			return cursor;
		}
		var remaining = workingTime;
		var date = cursor.toLocalDate();
		int idle = 0;
		while (true) {
			if (isWorkingDay(date)) {
				idle = 0;
				for (var period : hours.periods()) {
					var from = later(cursor, date.atTime(period.start()).atZone(zone));
					var until = date.atTime(period.end()).atZone(zone);
					if (!from.isBefore(until)) {
						continue;
					}
					var available = Duration.between(from, until);
					if (remaining.compareTo(available) <= 0) {
						return from.plus(remaining);
					}
					remaining = remaining.minus(available);
				}
			}
			else if (++idle > MAX_DAYS_WITHOUT_WORK) {
				throw new IllegalStateException("No working day for a year after " + date + ": check the holiday data");
			}
			date = date.plusDays(1);
			cursor = date.atStartOfDay(zone);
		}
	}

	@Override
	public ZonedDateTime plusWorkingDays(ZonedDateTime start, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("Working days to add must not be negative: " + days);
		}
		return plus(start, hours.perDay().multipliedBy(days));
	}

	@Override
	public Duration between(ZonedDateTime from, ZonedDateTime to) {
		if (to.isBefore(from)) {
			return between(to, from).negated();
		}
		var start = from.withZoneSameInstant(zone);
		var end = to.withZoneSameInstant(zone);
		var total = Duration.ZERO;
		for (var date = start.toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
			if (!isWorkingDay(date)) {
				continue;
			}
			for (var period : hours.periods()) {
				var a = later(start, date.atTime(period.start()).atZone(zone));
				var b = earlier(end, date.atTime(period.end()).atZone(zone));
				if (a.isBefore(b)) {
					total = total.plus(Duration.between(a, b));
				}
			}
		}
		return total;
	}

	@Override
	public WorkingHours workingHours() {
		return hours;
	}

	@Override
	public Set<Integer> coveredYears() {
		return coveredYears;
	}

	private static ZonedDateTime later(ZonedDateTime a, ZonedDateTime b) {
		return a.isAfter(b) ? a : b;
	}

	private static ZonedDateTime earlier(ZonedDateTime a, ZonedDateTime b) {
		return a.isBefore(b) ? a : b;
	}
}
