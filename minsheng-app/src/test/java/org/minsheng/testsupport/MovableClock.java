package org.minsheng.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock of its own for a unit test, standing still until the test moves it (Asia/Shanghai). */
public final class MovableClock extends Clock {

	private Instant now;

	public MovableClock(Instant start) {
		this.now = start;
	}

	/** Moves the clock on by that much. */
	public void pass(Duration d) {
		now = now.plus(d);
	}

	@Override
	public ZoneId getZone() {
		return ZoneId.of("Asia/Shanghai");
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return now;
	}
}
