package org.minsheng.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.OnH2;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Next year's notice is dropped into the holiday folder and read without a restart. */
@OnH2
class HolidayReloadTest extends ApplicationTest {

	static final Path HOLIDAYS;

	static {
		try {
			HOLIDAYS = Files.createTempDirectory("minsheng-holidays-");
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@DynamicPropertySource
	static void holidayFolder(DynamicPropertyRegistry registry) {
		registry.add("minsheng.sla.holiday-dir", HOLIDAYS::toString);
	}

	@Test
	void aNewYearFileTakesEffectAfterAReload() throws IOException {
		assertThat(api.admin().get("/api/calendar/2027").json().get("officialNoticeLoaded").asBoolean()).isFalse();
		Files.writeString(HOLIDAYS.resolve("2027.json"), """
				{"year": 2027, "papers": [], "days": [
				  {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
				  {"name": "春节", "date": "2027-02-06", "isOffDay": false}
				]}""");

		var reload = api.admin().post("/api/calendar/reload", null);

		assertThat(reload.status()).as(reload.body()).isEqualTo(200);
		assertThat(reload.json().get("coveredYears").toString()).contains("2027");
		var year = api.admin().get("/api/calendar/2027").json();
		assertThat(year.get("officialNoticeLoaded").asBoolean()).isTrue();
		assertThat(year.get("offWeekdays").toString()).contains("2027-01-01");
		assertThat(year.get("makeUpWorkdays").toString()).contains("2027-02-06");
		assertThat(count("select count(*) from audit_entry where action = 'CALENDAR_RELOADED'")).isPositive();
	}

	@Test
	void aBrokenFileKeepsTheCalendarInUseAndSaysWhy() throws IOException {
		Files.writeString(HOLIDAYS.resolve("2028.json"), "{ not json");
		try {
			var reload = api.admin().post("/api/calendar/reload", null);

			assertThat(reload.status()).isEqualTo(400);
			assertThat(reload.json().get("field").asString()).isEqualTo("holidayDir");
			assertThat(api.admin().get("/api/calendar/2026").json().get("officialNoticeLoaded").asBoolean()).isTrue();
		}
		finally {
			Files.delete(HOLIDAYS.resolve("2028.json"));
		}
	}
}
