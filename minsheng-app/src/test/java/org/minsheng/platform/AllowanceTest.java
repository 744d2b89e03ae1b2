package org.minsheng.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.minsheng.testsupport.MovableClock;

class AllowanceTest {

	final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T02:00:00Z"));

	final Allowance fivePerFifteenMinutes = new Allowance(5, Duration.ofMinutes(15), clock);

	@Test
	void aKeyThatUsedItsAllowanceWaitsForTheNextOneWhileOtherKeysGoOn() {
		for (int i = 1; i <= 4; i++) {
			assertThat(fivePerFifteenMinutes.use("10.0.0.1")).isEqualTo(i);
			assertThat(fivePerFifteenMinutes.usedUp("10.0.0.1")).isFalse();
		}
		assertThat(fivePerFifteenMinutes.use("10.0.0.1")).isEqualTo(5);

		assertThat(fivePerFifteenMinutes.usedUp("10.0.0.1")).isTrue();
		assertThat(fivePerFifteenMinutes.secondsUntilNext("10.0.0.1")).isEqualTo(180);
		assertThat(fivePerFifteenMinutes.usedUp("10.0.0.2")).isFalse();
		assertThat(fivePerFifteenMinutes.use("10.0.0.1")).as("no further than used up").isEqualTo(5);
	}

	@Test
	void theAllowanceComesBackOneByOneOverTheWindowAndWholeAfterIt() {
		for (int i = 0; i < 5; i++) fivePerFifteenMinutes.use("k");

		clock.pass(Duration.ofMinutes(3));
		assertThat(fivePerFifteenMinutes.usedUp("k")).isFalse();
		assertThat(fivePerFifteenMinutes.use("k")).isEqualTo(5);
		assertThat(fivePerFifteenMinutes.usedUp("k")).isTrue();

		clock.pass(Duration.ofMinutes(15));
		assertThat(fivePerFifteenMinutes.use("k")).isEqualTo(1);
	}

	@Test
	void restoringGivesTheWholeAllowanceBack() {
		for (int i = 0; i < 5; i++) fivePerFifteenMinutes.use("k");

		fivePerFifteenMinutes.restore("k");

		assertThat(fivePerFifteenMinutes.usedUp("k")).isFalse();
		assertThat(fivePerFifteenMinutes.use("k")).isEqualTo(1);
	}
}
