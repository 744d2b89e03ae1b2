package org.minsheng.workorder.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.EnumMap;

import org.minsheng.platform.ConflictException;
import org.minsheng.workorder.Deadlines;
import org.minsheng.workorder.SlaStage;
import org.minsheng.workorder.WorkOrderDeadlineApproaching;
import org.minsheng.workorder.WorkOrderDeadlineMissed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks time limits warned (预警) and overdue (超期). Each clock row carries the next moment it must
 * be looked at; the watch takes the rows whose moment has come and, per order in one transaction,
 * marks the clock, writes the timeline entry and publishes the event through the event
 * publication registry. A crash before the commit leaves the clock due for the next run; after the
 * commit the clock is marked and the registry delivers the event: no warning is lost or doubled.
 */
@Component
class DeadlineWatch implements Deadlines {

	private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

	private static final int BATCH = 500;

	private final WorkOrderRows rows;

	private final WorkOrderTerms terms;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	DeadlineWatch(WorkOrderRows rows, WorkOrderTerms terms, ApplicationEventPublisher events,
			TransactionTemplate tx, Clock clock) {
		this.rows = rows;
		this.terms = terms;
		this.events = events;
		this.tx = tx;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${minsheng.workorder.deadline-scan-interval:30s}",
			initialDelayString = "${minsheng.workorder.deadline-scan-interval:30s}")
	void scheduled() {
		try {
			run();
		}
		catch (RuntimeException e) {
			log.warn("Deadline watch failed; it runs again at the next interval", e);
		}
	}

	@Override
	public int check() {
		return run();
	}

	/** Checks every clock whose moment has come; returns how many warnings and overdue marks it made. */
	int run() {
		int marked = 0;
		for (int round = 0; round < 1000; round++) {
			var now = OffsetDateTime.now(clock);
			var due = rows.clocksToCheck(now, BATCH);
			for (var clockAndOrder : due) {
				try {
					marked += tx.execute(status -> check(clockAndOrder[0], clockAndOrder[1]));
				}
				catch (ConflictException changedMeanwhile) {
					// the order changed under us (a step or another node); the clock is looked at again next run
				}
			}
			if (due.size() < BATCH) {
				break;
			}
		}
		return marked;
	}

	@Override
	public Overview overview() {
		long started = System.nanoTime();
		var now = ZonedDateTime.now(clock);
		var sla = terms.sla();
		var byStage = new EnumMap<SlaStage, int[]>(SlaStage.class);
		for (var stage : SlaStage.values()) {
			byStage.put(stage, new int[3]);
		}
		int[] totals = new int[5];
		rows.runningClocks((stage, slaClock) -> {
			totals[0]++;
			if (slaClock.paused()) {
				totals[1]++;
			}
			double share = slaClock.usedShare(now, sla.calendar());
			int level = share >= 1 ? 2 : share >= sla.warnShare() ? 1 : 0;
			totals[2 + level]++;
			byStage.get(stage)[level]++;
		});
		return new Overview(totals[0], totals[1], totals[2], totals[3], totals[4], byStage,
				Duration.ofNanos(System.nanoTime() - started));
	}

	private int check(long clockId, long orderId) {
		var order = rows.load(orderId).orElseThrow();
		var now = ZonedDateTime.now(clock);
		var act = new WorkOrder.Act(WorkOrderRegistration.SYSTEM, "时限监控", null, now);
		var before = order.clocks().stream().filter(c -> c.id() != null && c.id() == clockId).findFirst();
		var wasWarned = before.map(c -> c.warnedAt() != null).orElse(true);
		var wasOverdue = before.map(c -> c.overdueAt() != null).orElse(true);
		var changed = order.checkClock(clockId, terms.sla(), act);
		if (changed.isEmpty()) {
			if (before.filter(WorkOrder.StageClock::changed).isPresent()) {
				rows.save(order, now.toOffsetDateTime());
			}
			else {
				rows.clearNextCheck(clockId);
			}
			return 0;
		}
		var c = changed.get();
		rows.save(order, now.toOffsetDateTime());
		var department = c.departmentId();
		int marks = 0;
		if (!wasWarned && c.overdueAt() == null) {
			events.publishEvent(new WorkOrderDeadlineApproaching(order.no(), clockId, c.stage(), department,
					c.dueAt().toOffsetDateTime(), now.toOffsetDateTime()));
			marks++;
		}
		if (!wasOverdue && c.overdueAt() != null) {
			events.publishEvent(new WorkOrderDeadlineMissed(order.no(), clockId, c.stage(), department,
					c.dueAt().toOffsetDateTime(), now.toOffsetDateTime()));
			marks++;
		}
		return marks;
	}
}
