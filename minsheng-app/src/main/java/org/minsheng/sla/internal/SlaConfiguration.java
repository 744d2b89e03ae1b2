package org.minsheng.sla.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.minsheng.sla.WorkingCalendar;
import org.minsheng.sla.WorkingHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

@Configuration(proxyBeanMethods = false)
class SlaConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SlaConfiguration.class);

	@Bean
	ReloadableCalendar workingCalendar(SlaSettings settings, Clock clock) {
		return new ReloadableCalendar(() -> load(settings, clock));
	}

	/** Reads the shipped notices, then the replacement folder; warns about a missing current or coming year. */
	static OfficialCalendar load(SlaSettings settings, Clock clock) {
		var notices = new HolidayNotices();
		try {
			var shipped = new PathMatchingResourcePatternResolver().getResources("classpath:data/holiday-cn/*.json");
			for (var resource : shipped) {
				try (var in = resource.getInputStream()) {
					notices.read(in, resource.getFilename());
				}
			}
			if (settings.holidayDir() != null && !settings.holidayDir().isBlank()) {
				try (Stream<Path> files = Files.list(Path.of(settings.holidayDir()))) {
					for (var file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
						try (var in = Files.newInputStream(file)) {
							log.info("Holiday notice {} replaces the shipped one", file.getFileName());
							notices.read(in, file.toString());
						}
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the holiday calendar", e);
		}
		var calendar = new OfficialCalendar(notices.days(), notices.coveredYears(),
				WorkingHours.parse(settings.workingHours()), clock.getZone());
		var today = LocalDate.now(clock);
		for (int y : new int[] { today.getYear(), today.getYear() + 1 }) {
			// next year's notice usually comes out in November
			boolean expected = y == today.getYear() || today.getMonthValue() >= 11;
			if (expected && !calendar.coveredYears().contains(y)) {
				log.warn("No official holiday notice loaded for {}: only weekends are off that year. Put {}.json into"
						+ " minsheng.sla.holiday-dir when the State Council publishes it.", y, y);
			}
		}
		return calendar;
	}
}
