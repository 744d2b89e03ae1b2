package org.minsheng.sla;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Working time on the official Chinese calendar: weekends and public holidays do not count,
 * make-up workdays (调休, a Saturday or Sunday worked instead) do, and only the working hours of a
 * working day count. All arithmetic is exact to the nanosecond and pure.
 */
public interface WorkingCalendar {

	boolean isWorkingDay(LocalDate date);

	/** The moment when {@code workingTime} of working time has passed since {@code start}. */
	ZonedDateTime plus(ZonedDateTime start, Duration workingTime);

	/** {@code plus(start, days × working time per day)}: one working day from Monday 10:00 is Tuesday 10:00. */
	ZonedDateTime plusWorkingDays(ZonedDateTime start, int days);

	/** Working time between two moments; negative when {@code to} is before {@code from}. */
	Duration between(ZonedDateTime from, ZonedDateTime to);

	WorkingHours workingHours();

	/** The years for which the official holiday notice is loaded; other years count weekends only. */
	Set<Integer> coveredYears();
}
