package org.minsheng.sla;

import java.util.Set;

/** Keeping the official calendar current: next year's holiday notice is read without a restart. */
public interface CalendarAdministration {

	/**
	 * Reads the holiday files again (from {@code minsheng.sla.holiday-dir}) and answers the years now
	 * covered; needs SLA_ADMIN and is audited. Files that cannot be read leave the calendar as it was.
	 */
	Set<Integer> reloadHolidays();
}
