package org.minsheng.sla.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.minsheng.sla.WorkingCalendar;
import org.minsheng.sla.WorkingHours;

/**
 * The working calendar in use, replaced as a whole when the holiday files change (a new year's
 * notice dropped into {@code minsheng.sla.holiday-dir}), so every calculation sees one complete
 * calendar. Deadlines already set keep their moments; new ones use the new notice.
 */
class ReloadableCalendar implements WorkingCalendar {

	private final Supplier<OfficialCalendar> loader;

	private final AtomicReference<OfficialCalendar> current = new AtomicReference<>();

	ReloadableCalendar(Supplier<OfficialCalendar> loader) {
		this.loader = loader;
		current.set(loader.get());
	}

	/** Reads the files again; on a bad file the calendar in use stays and the error is thrown. */
	Set<Integer> reload() {
		var fresh = loader.get();
		current.set(fresh);
		return fresh.coveredYears();
	}

	@Override
	public boolean isWorkingDay(LocalDate date) {
		return current.get().isWorkingDay(date);
	}

	@Override
	public ZonedDateTime plus(ZonedDateTime start, Duration workingTime) {
		return current.get().plus(start, workingTime);
	}

	@Override
	public ZonedDateTime plusWorkingDays(ZonedDateTime start, int days) {
		return current.get().plusWorkingDays(start, days);
	}

	@Override
	public Duration between(ZonedDateTime from, ZonedDateTime to) {
		return current.get().between(from, to);
	}

	@Override
	public WorkingHours workingHours() {
		return current.get().workingHours();
	}

	@Override
	public Set<Integer> coveredYears() {
		return current.get().coveredYears();
	}
}
