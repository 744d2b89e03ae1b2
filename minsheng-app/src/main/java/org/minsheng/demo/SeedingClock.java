package org.minsheng.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The platform's clock in the demo city: the system clock, except while {@link DemoHistory} plays
 * the last 90 days, when it shows the moment of the step being played, so that every record the
 * platform keeps (timelines, time limits, audit entries, notices) carries that moment as if it had
 * happened then. It only ever moves forward while set and is let go before the first start ends.
 */
@Component
@Primary
@Profile("demo")
class SeedingClock extends Clock {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final AtomicReference<Instant> playing = new AtomicReference<>();

	void play(Instant moment) {
		playing.set(moment);
	}

	void release() {
		playing.set(null);
	}

	@Override
	public ZoneId getZone() {
		return ZONE;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return zone.equals(ZONE) ? this : Clock.fixed(instant(), zone);
	}

	@Override
	public Instant instant() {
		var moment = playing.get();
		return moment == null ? Instant.now() : moment;
	}
}
