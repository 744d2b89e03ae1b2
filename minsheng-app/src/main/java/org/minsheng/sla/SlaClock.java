package org.minsheng.sla;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One running time limit, e.g. the handling limit of a work order. It counts natural or working
 * time from {@code startedAt}; time spent paused does not count. Pure: every method returns a new
 * clock and takes the calendar it counts on.
 *
 * @param budget the time the limit allows, in the clock's basis
 * @param pausedAt when the current pause began, or null when running
 * @param pausedTotal time spent in finished pauses, in the clock's basis
 */
public record SlaClock(ZonedDateTime startedAt, boolean natural, Duration budget, ZonedDateTime pausedAt,
		Duration pausedTotal) {

	public SlaClock {
		Objects.requireNonNull(startedAt, "startedAt");
		Objects.requireNonNull(budget, "budget");
		pausedTotal = pausedTotal == null ? Duration.ZERO : pausedTotal;
		if (budget.isNegative() || pausedTotal.isNegative()) {
			throw new IllegalArgumentException("A clock's budget and paused time cannot be negative");
		}
	}

	public static SlaClock start(ZonedDateTime at, SlaTerm term, WorkingCalendar calendar) {
		return new SlaClock(at, term.natural(), term.duration(calendar.workingHours()), null, Duration.ZERO);
	}

	public boolean paused() {
		return pausedAt != null;
	}

	/** The moment the limit runs out; while paused, as if the pause ended when it began. */
	public ZonedDateTime deadline(WorkingCalendar calendar) {
		return advance(calendar, startedAt, budget.plus(pausedTotal));
	}

	/** The moment {@code share} (0..1) of the limit is used up. */
	public ZonedDateTime warningAt(WorkingCalendar calendar, double share) {
		if (share < 0 || share > 1) {
			throw new IllegalArgumentException("The warning share lies between 0 and 1: " + share);
		}
		var part = Duration.ofNanos(Math.round(budget.toNanos() * share));
		return advance(calendar, startedAt, part.plus(pausedTotal));
	}

	/** Time counted so far (never the paused time). */
	public Duration used(ZonedDateTime now, WorkingCalendar calendar) {
		var end = pausedAt != null ? pausedAt : now;
		return measure(calendar, startedAt, end).minus(pausedTotal);
	}

	/** The share of the limit used so far; above 1 when overdue. */
	public double usedShare(ZonedDateTime now, WorkingCalendar calendar) {
		if (budget.isZero()) {
			return 1;
		}
		return (double) used(now, calendar).toNanos() / budget.toNanos();
	}

	public SlaClock pause(ZonedDateTime at) {
		if (pausedAt != null) {
			return this;
		}
		return new SlaClock(startedAt, natural, budget, at, pausedTotal);
	}

	public SlaClock resume(ZonedDateTime at, WorkingCalendar calendar) {
		if (pausedAt == null) {
			return this;
		}
		var pause = measure(calendar, pausedAt, at);
		return new SlaClock(startedAt, natural, budget, null,
				pausedTotal.plus(pause.isNegative() ? Duration.ZERO : pause));
	}

	/** The same clock with a limit that now runs out at {@code newDeadline} (an approved extension). */
	public SlaClock extendTo(ZonedDateTime newDeadline, WorkingCalendar calendar) {
		var newBudget = measure(calendar, startedAt, newDeadline).minus(pausedTotal);
		if (newBudget.compareTo(budget) < 0) {
			throw new IllegalArgumentException("延期不能缩短时限");
		}
		return new SlaClock(startedAt, natural, newBudget, pausedAt, pausedTotal);
	}

	private ZonedDateTime advance(WorkingCalendar calendar, ZonedDateTime from, Duration amount) {
		return natural ? from.plus(amount) : calendar.plus(from, amount);
	}

	private Duration measure(WorkingCalendar calendar, ZonedDateTime from, ZonedDateTime to) {
		return natural ? Duration.between(from, to) : calendar.between(from, to);
	}
}
