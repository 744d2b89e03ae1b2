package org.minsheng.understanding.internal;

import java.time.LocalDate;
import java.time.ZoneId;

import org.minsheng.understanding.Understanding.DispatchFigures;
import org.minsheng.workorder.WorkOrderDispatched;
import org.minsheng.workorder.WorkOrderReturned;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How each order was first dispatched (automatically or by a dispatcher) and whether that
 * department returned it: the share dispatched automatically and the return rate (退单率) of those,
 * beside the dispatchers' own, is the measure of whether automatic dispatch helps.
 */
@Component
class DispatchOutcomes {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final JdbcTemplate jdbc;

	DispatchOutcomes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The first dispatch of an order is the one measured; later ones (after a return, a reassignment) are
	 * not. Written in the dispatch's own transaction: one row beside the order's, so the figure never
	 * misses a dispatch and a dispatch costs no round through the event registry. Two dispatches of one
	 * order cannot both commit (the order's version refuses the second), so the row is never doubled.
	 */
	@EventListener
	void on(WorkOrderDispatched dispatched) {
		if (dispatched.reassigned()) return;
		jdbc.update("insert into nlp_dispatch_outcome (order_no, lead_department_id, automatic, dispatched_at)"
				+ " select ?, ?, ?, ? where not exists (select 1 from nlp_dispatch_outcome where order_no = ?)",
				dispatched.no().value(), dispatched.lead().value(), dispatched.automatic(), dispatched.at(),
				dispatched.no().value());
	}

	/** In the return's own transaction, for the same reasons. */
	@EventListener
	void on(WorkOrderReturned returned) {
		jdbc.update("update nlp_dispatch_outcome set returned_at = ? where order_no = ? and lead_department_id = ?"
				+ " and returned_at is null", returned.at(), returned.no().value(), returned.department().value());
	}

	/** Orders first dispatched from {@code from} to {@code to} (days in Asia/Shanghai, both included). */
	DispatchFigures figures(LocalDate from, LocalDate to) {
		long[] counts = new long[4]; // automatic, automatic returned, manual, manual returned
		jdbc.query("select automatic, count(*), count(returned_at) from nlp_dispatch_outcome"
				+ " where dispatched_at >= ? and dispatched_at < ? group by automatic", rs -> {
					int at = rs.getBoolean(1) ? 0 : 2;
					counts[at] = rs.getLong(2);
					counts[at + 1] = rs.getLong(3);
				}, from.atStartOfDay(CHINA).toOffsetDateTime(), to.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime());
		long automatic = counts[0], automaticReturned = counts[1], manual = counts[2], manualReturned = counts[3];
		long all = automatic + manual;
		return new DispatchFigures(from, to, all, automatic, share(automatic, all), automaticReturned,
				share(automaticReturned, automatic), manual, manualReturned, share(manualReturned, manual));
	}

	private static double share(long part, long whole) {
		return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
	}
}
