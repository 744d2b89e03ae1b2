package org.minsheng.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.OnH2;

@OnH2
class CalendarApiTest extends ApplicationTest {

	@Test
	void listsTheHolidaysAndMakeUpWorkdaysOfAYear() {
		var year = api.admin().get("/api/calendar/2026").json();

		assertThat(year.get("officialNoticeLoaded").asBoolean()).isTrue();
		assertThat(year.get("makeUpWorkdays").valueStream().map(d -> d.asString()))
			.contains("2026-02-14", "2026-10-10");
		assertThat(year.get("offWeekdays").valueStream().map(d -> d.asString())).contains("2026-10-01", "2026-01-01");
		assertThat(year.get("workingHours").asString()).isEqualTo("09:00-12:00,13:00-18:00");
		assertThat(api.admin().get("/api/calendar/2027").json().get("officialNoticeLoaded").asBoolean()).isFalse();
	}

	@Test
	void computesADeadlineAcrossNationalDay() {
		var start = URLEncoder.encode("2026-09-30T17:00+08:00", StandardCharsets.UTF_8);

		var deadline = api.admin().get("/api/calendar/deadline?start=" + start + "&workingDays=1").json();

		assertThat(deadline.get("deadline").asString()).isEqualTo("2026-10-08T17:00:00+08:00");
	}

	@Test
	void rejectsAnAmbiguousDeadlineRequest() {
		var start = URLEncoder.encode("2026-09-30T17:00+08:00", StandardCharsets.UTF_8);

		var response = api.admin().get("/api/calendar/deadline?start=" + start + "&workingDays=1&workingTime=PT1H");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("field").asString()).isEqualTo("workingDays");
		assertThat(api.admin().get("/api/calendar/deadline?start=yesterday&workingDays=1").json().get("field").asString())
			.isEqualTo("start");
	}
}
