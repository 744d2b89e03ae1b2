package org.minsheng.understanding;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Many requests alike from one district within a day: possibly a mass issue (群体诉求) that
 * supervisors should see at once, before the orders are handled one by one. It carries how many and
 * the newest few, never the whole list: a mass incident may hold thousands of orders, and an event
 * is kept whole in the publication registry.
 *
 * @param district     the district's code (6 digits)
 * @param districtName its full name, province first
 * @param count        how many orders alike within the burst window, this one included
 * @param latest       the newest of them, at most {@link #LATEST}, newest first (this one first)
 */
public record RequestBurstDetected(String district, String districtName, int count, List<String> latest,
		OffsetDateTime at) {

	/** How many order numbers the event names at most. */
	public static final int LATEST = 10;

	public RequestBurstDetected {
		latest = List.copyOf(latest.size() > LATEST ? latest.subList(0, LATEST) : latest);
	}
}
