package org.minsheng.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.minsheng.sla.internal.OfficialCalendarTest.CALENDAR;
import static org.minsheng.sla.internal.OfficialCalendarTest.SHANGHAI;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.minsheng.sla.SlaClock;
import org.minsheng.sla.SlaTerm;

/** A time limit with pauses and extensions, on generated cases from a fixed seed. */
class SlaClockTest {

	record Case(int n, ZonedDateTime start, SlaTerm term, Duration beforePause, Duration pause) {

		@Override
		public String toString() {
			return "case " + n + ": " + term + " from " + start + ", pause after " + beforePause + " for " + pause;
		}
	}

	static Stream<Case> cases() {
		var random = new SplittableRandom(20261124L);
		var terms = new String[] { "30m", "2h", "24h", "8wh", "1wd", "5wd", "15wd" };
		var base = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, SHANGHAI);
		return IntStream.range(0, 1000).mapToObj(n -> new Case(n,
				base.plusSeconds(random.nextLong(3L * 365 * 24 * 3600)),
				SlaTerm.parse(terms[random.nextInt(terms.length)]), Duration.ofMinutes(random.nextLong(20 * 24 * 60)),
				Duration.ofMinutes(random.nextLong(10 * 24 * 60))));
	}

	@ParameterizedTest
	@MethodSource("cases")
	void aPauseMovesTheDeadlineByTheTimeItWouldHaveCounted(Case c) {
		var clock = SlaClock.start(c.start(), c.term(), CALENDAR);
		var pausedAt = c.start().plus(c.beforePause());
		var resumedAt = pausedAt.plus(c.pause());

		var resumed = clock.pause(pausedAt).resume(resumedAt, CALENDAR);

		var counted = c.term().natural() ? c.pause() : CALENDAR.between(pausedAt, resumedAt);
		assertThat(measure(c.term(), c.start(), resumed.deadline(CALENDAR)).minus(counted)).as(c.toString())
			.isEqualTo(c.term().duration(CALENDAR.workingHours()));
		assertThat(resumed.used(resumedAt, CALENDAR)).as(c.toString()).isEqualTo(clock.used(pausedAt, CALENDAR));
	}

	@ParameterizedTest
	@MethodSource("cases")
	void theWarningComesBeforeTheDeadlineAndNothingCountsWhilePaused(Case c) {
		var clock = SlaClock.start(c.start(), c.term(), CALENDAR);
		var pausedAt = c.start().plus(c.beforePause());
		var paused = clock.pause(pausedAt);

		assertThat(clock.warningAt(CALENDAR, 0.8)).as(c.toString()).isBeforeOrEqualTo(clock.deadline(CALENDAR));
		assertThat(paused.used(pausedAt.plus(c.pause()), CALENDAR)).as(c.toString())
			.isEqualTo(clock.used(pausedAt, CALENDAR));
	}

	@ParameterizedTest
	@MethodSource("cases")
	void anExtensionKeepsTheStartAndCountsToTheNewDeadline(Case c) {
		var clock = SlaClock.start(c.start(), c.term(), CALENDAR);
		var newDeadline = clock.deadline(CALENDAR).plus(c.pause()).plusDays(1);

		var extended = clock.extendTo(newDeadline, CALENDAR);

		assertThat(extended.startedAt()).isEqualTo(c.start());
		assertThat(measure(c.term(), c.start(), extended.deadline(CALENDAR))).as(c.toString())
			.isEqualTo(measure(c.term(), c.start(), newDeadline));
		assertThat(extended.deadline(CALENDAR)).as(c.toString()).isBeforeOrEqualTo(newDeadline);
	}

	@Test
	void anUrgentLimitRunsThroughTheNightAndANormalOneWaitsForOfficeHours() {
		var friday17 = ZonedDateTime.of(2026, 11, 27, 17, 0, 0, 0, SHANGHAI);

		assertThat(SlaClock.start(friday17, SlaTerm.parse("2h"), CALENDAR).deadline(CALENDAR))
			.isEqualTo(friday17.plusHours(2));
		assertThat(SlaClock.start(friday17, SlaTerm.parse("2wh"), CALENDAR).deadline(CALENDAR))
			.isEqualTo(ZonedDateTime.of(2026, 11, 30, 10, 0, 0, 0, SHANGHAI));
		assertThat(SlaClock.start(friday17, SlaTerm.parse("1wd"), CALENDAR).deadline(CALENDAR))
			.isEqualTo(ZonedDateTime.of(2026, 11, 30, 17, 0, 0, 0, SHANGHAI));
	}

	@Test
	void anExtensionCannotShortenTheLimit() {
		var start = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, SHANGHAI);
		var clock = SlaClock.start(start, SlaTerm.parse("5wd"), CALENDAR);

		assertThatThrownBy(() -> clock.extendTo(start.plusDays(1), CALENDAR))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void readsTheTermsAHotlineWrites() {
		assertThat(SlaTerm.parse("30m").label()).isEqualTo("30分钟");
		assertThat(SlaTerm.parse("5wd").label()).isEqualTo("5个工作日");
		assertThat(SlaTerm.parse("15wd").duration(CALENDAR.workingHours())).isEqualTo(Duration.ofHours(120));
		assertThatThrownBy(() -> SlaTerm.parse("5 days")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> SlaTerm.parse("0h")).isInstanceOf(IllegalArgumentException.class);
	}

	private static Duration measure(SlaTerm term, ZonedDateTime from, ZonedDateTime to) {
		return term.natural() ? Duration.between(from, to) : CALENDAR.between(from, to);
	}
}
