package org.minsheng.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.minsheng.sla.WorkingHours;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Deadline arithmetic on the official calendar. The properties run on thousands of generated cases
 * from a fixed seed (reproducible; a failure names its case number).
 */
class OfficialCalendarTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final WorkingHours HOURS = WorkingHours.parse("09:00-12:00,13:00-18:00");

	static final HolidayNotices NOTICES = shippedNotices();

	static final OfficialCalendar CALENDAR = new OfficialCalendar(NOTICES.days(), NOTICES.coveredYears(), HOURS,
			SHANGHAI);

	static HolidayNotices shippedNotices() {
		try {
			var notices = new HolidayNotices();
			for (var r : new PathMatchingResourcePatternResolver().getResources("classpath:data/holiday-cn/*.json")) {
				try (var in = r.getInputStream()) {
					notices.read(in, r.getFilename());
				}
			}
			return notices;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	record Case(int n, ZonedDateTime start, Duration workingTime, ZonedDateTime other) {

		@Override
		public String toString() {
			return "case " + n + ": start " + start + ", +" + workingTime + ", other " + other;
		}
	}

	/** Any moment 2023–2026 (to the nanosecond, often off hours), any working time up to 30 working days. */
	static Stream<Case> cases() {
		var random = new SplittableRandom(20261123);
		var first = ZonedDateTime.of(2023, 1, 1, 0, 0, 0, 0, SHANGHAI).toEpochSecond();
		var last = ZonedDateTime.of(2026, 12, 31, 0, 0, 0, 0, SHANGHAI).toEpochSecond();
		return IntStream.range(0, 3000).mapToObj(n -> {
			var start = moment(random, first, last);
			var other = moment(random, first, last);
			var workingTime = switch (n % 4) {
				case 0 -> Duration.ZERO.plusMinutes(random.nextInt(0, 60 * 8));
				case 1 -> HOURS.perDay().multipliedBy(random.nextInt(0, 31));
				default -> Duration.ofNanos(random.nextLong(0, HOURS.perDay().multipliedBy(30).toNanos()));
			};
			return new Case(n, start, workingTime, other);
		});
	}

	static ZonedDateTime moment(SplittableRandom random, long first, long last) {
		return ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(random.nextLong(first, last),
				random.nextInt(0, 1_000_000_000)), SHANGHAI);
	}

	@ParameterizedTest
	@MethodSource("cases")
	void addingThenMeasuringWorkingTimeRoundTrips(Case c) {
		var deadline = CALENDAR.plus(c.start(), c.workingTime());

		assertThat(CALENDAR.between(c.start(), deadline)).isEqualTo(c.workingTime());
		assertThat(deadline).isAfterOrEqualTo(c.start());
	}

	@ParameterizedTest
	@MethodSource("cases")
	void measuringThenAddingReachesTheLastWorkingMomentBeforeTheEnd(Case c) {
		var from = c.start().isBefore(c.other()) ? c.start() : c.other();
		var to = c.start().isBefore(c.other()) ? c.other() : c.start();

		var reached = CALENDAR.plus(from, CALENDAR.between(from, to));

		assertThat(reached).isBeforeOrEqualTo(to);
		assertThat(CALENDAR.between(reached, to)).isZero();
	}

	@ParameterizedTest
	@MethodSource("cases")
	void workingTimeAddsUpAcrossAnySplitAndReversesSign(Case c) {
		var middle = CALENDAR.plus(c.start(), c.workingTime());

		assertThat(CALENDAR.between(c.start(), middle).plus(CALENDAR.between(middle, c.other())))
			.isEqualTo(CALENDAR.between(c.start(), c.other()));
		assertThat(CALENDAR.between(c.other(), c.start())).isEqualTo(CALENDAR.between(c.start(), c.other()).negated());
	}

	@ParameterizedTest
	@MethodSource("cases")
	void aDeadlineFallsInsideWorkingHoursOfAWorkingDay(Case c) {
		if (c.workingTime().isZero()) {
			return;
		}
		var deadline = CALENDAR.plus(c.start(), c.workingTime());

		assertThat(CALENDAR.isWorkingDay(deadline.toLocalDate())).as("working day").isTrue();
		var time = deadline.toLocalTime();
		assertThat(HOURS.periods()).as("within working hours")
			.anySatisfy(p -> assertThat(time).isAfter(p.start()).isBeforeOrEqualTo(p.end()));
	}

	@ParameterizedTest
	@MethodSource("cases")
	void moreWorkingTimeNeverGivesAnEarlierDeadline(Case c) {
		var more = c.workingTime().plusMinutes(1);

		assertThat(CALENDAR.plus(c.start(), more)).isAfter(CALENDAR.plus(c.start(), c.workingTime()));
	}

	@Test
	void weekendsAndHolidaysNeverCountAndMakeUpWorkdaysDo() {
		for (var date = LocalDate.of(2023, 1, 1); date.getYear() <= 2026; date = date.plusDays(1)) {
			var day = CALENDAR.between(date.atStartOfDay(SHANGHAI), date.plusDays(1).atStartOfDay(SHANGHAI));
			assertThat(day).as(date.toString()).isEqualTo(CALENDAR.isWorkingDay(date) ? HOURS.perDay() : Duration.ZERO);
		}
		NOTICES.days().forEach((date, off) -> assertThat(CALENDAR.isWorkingDay(date)).as(date.toString()).isEqualTo(!off));
		assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 2, 14))).as("Saturday worked for Spring Festival").isTrue();
		assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 10))).as("Saturday worked for National Day").isTrue();
		assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 1))).as("National Day, a Thursday").isFalse();
		assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 11, 21))).as("an ordinary Saturday").isFalse();
		assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 11, 23))).as("an ordinary Monday").isTrue();
	}

	@Test
	void aWorkingDayFromTheEveOfNationalDaySkipsTheWholeBreak() {
		var eve = ZonedDateTime.of(2026, 9, 30, 17, 0, 0, 0, SHANGHAI);

		assertThat(CALENDAR.plusWorkingDays(eve, 1)).isEqualTo(ZonedDateTime.of(2026, 10, 8, 17, 0, 0, 0, SHANGHAI));
	}

	@Test
	void aMakeUpSaturdayCarriesADeadline() {
		var friday = ZonedDateTime.of(2026, 10, 9, 17, 0, 0, 0, SHANGHAI);

		assertThat(CALENDAR.plusWorkingDays(friday, 1)).isEqualTo(ZonedDateTime.of(2026, 10, 10, 17, 0, 0, 0, SHANGHAI));
	}

	@Test
	void aDeadlineStartedAtNightBeginsCountingNextMorning() {
		var night = ZonedDateTime.of(2026, 11, 23, 22, 30, 0, 0, SHANGHAI);

		assertThat(CALENDAR.plus(night, Duration.ofMinutes(30)))
			.isEqualTo(ZonedDateTime.of(2026, 11, 24, 9, 30, 0, 0, SHANGHAI));
		assertThat(CALENDAR.plus(night, Duration.ofHours(4)))
			.as("the lunch break does not count")
			.isEqualTo(ZonedDateTime.of(2026, 11, 24, 14, 0, 0, 0, SHANGHAI));
	}

	@Test
	void fiveWorkingDaysFromAFridayAfternoon() {
		var friday = ZonedDateTime.of(2026, 11, 20, 15, 0, 0, 0, SHANGHAI);

		assertThat(CALENDAR.plusWorkingDays(friday, 5)).isEqualTo(ZonedDateTime.of(2026, 11, 27, 15, 0, 0, 0, SHANGHAI));
	}

	@Test
	void aYearWithoutANoticeCountsWeekendsOnly() {
		assertThat(CALENDAR.coveredYears()).contains(2023, 2024, 2025, 2026).doesNotContain(2027);
		assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 1, 1))).as("a Friday, no notice yet").isTrue();
		assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 1, 2))).isFalse();
	}

	@Test
	void rejectsNegativeWorkingTimeAndBrokenHours() {
		var now = ZonedDateTime.now(SHANGHAI);
		assertThatThrownBy(() -> CALENDAR.plus(now, Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> WorkingHours.parse("13:00-12:00")).hasMessageContaining("须先开始后结束");
		assertThatThrownBy(() -> WorkingHours.parse("09:00-12:00,11:00-18:00")).hasMessageContaining("不能重叠");
		assertThatThrownBy(() -> WorkingHours.parse("nine to five")).isInstanceOf(RuntimeException.class);
	}
}
