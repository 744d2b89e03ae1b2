package org.minsheng.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the system clock until a test pins it ({@link #setTo}) and moves
 * it ({@link #advance}); {@link #reset} returns to the system clock. One instance per JVM, shared by
 * every test context, so a test that moves it resets it afterwards.
 */
public final class TestClock extends Clock {

	public static final TestClock INSTANCE = new TestClock();

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final AtomicReference<Instant> pinned = new AtomicReference<>();

	private TestClock() {
	}

	public void setTo(ZonedDateTime moment) {
		pinned.set(moment.toInstant());
	}

	public void advance(Duration amount) {
		pinned.updateAndGet(i -> (i == null ? Instant.now() : i).plus(amount));
	}

	public void reset() {
		pinned.set(null);
	}

	@Override
	public ZoneId getZone() {
		return ZONE;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

	@Override
	public Instant instant() {
		var i = pinned.get();
		return i == null ? Instant.now() : i;
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		Clock testClock() {
			return INSTANCE;
		}
	}
}
