package org.minsheng.sla.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/**
 * The holiday notices of several years, read from holiday-cn year files
 * ({@code {"year": 2026, "days": [{"name", "date", "isOffDay"}]}}). A later file of the same year
 * replaces an earlier one; a year whose file lists no days (not announced yet) is not covered.
 */
final class HolidayNotices {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<Integer, Map<LocalDate, Boolean>> byYear = new HashMap<>();

	/** Reads one year file; returns its year. */
	int read(InputStream in, String source) throws IOException {
		var root = JSON.readTree(in);
		if (root == null || !root.has("year") || !root.has("days")) {
			throw new IOException(source + " is not a holiday-cn year file (needs 'year' and 'days')");
		}
		int year = root.get("year").asInt();
		var days = new HashMap<LocalDate, Boolean>();
		for (var day : root.get("days")) {
			var date = LocalDate.parse(day.get("date").asString());
			if (date.getYear() != year && date.getYear() != year - 1 && date.getYear() != year + 1) {
				throw new IOException(source + ": " + date + " does not belong to " + year);
			}
			days.put(date, day.get("isOffDay").asBoolean());
		}
		byYear.put(year, days);
		return year;
	}

	Map<LocalDate, Boolean> days() {
		var all = new HashMap<LocalDate, Boolean>();
		byYear.keySet().stream().sorted().forEach(year -> all.putAll(byYear.get(year)));
		return all;
	}

	Set<Integer> coveredYears() {
		var years = new HashSet<Integer>();
		byYear.forEach((year, days) -> {
			if (!days.isEmpty()) {
				years.add(year);
			}
		});
		return years;
	}
}
