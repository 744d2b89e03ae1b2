package org.minsheng.sla.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.minsheng.platform.InvalidFieldException;
import org.minsheng.sla.CalendarAdministration;
import org.minsheng.sla.WorkingCalendar;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The working-day calendar: which days are off or worked, deadlines on it, and reading next year's notice. */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

	record YearView(int year, boolean officialNoticeLoaded, List<LocalDate> offWeekdays,
			List<LocalDate> makeUpWorkdays, int workingDays, String workingHours) {
	}

	record Deadline(OffsetDateTime start, String workingTime, OffsetDateTime deadline) {
	}

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final WorkingCalendar calendar;

	private final CalendarAdministration administration;

	CalendarController(WorkingCalendar calendar, CalendarAdministration administration) {
		this.calendar = calendar;
		this.administration = administration;
	}

	/**
	 * Reads the holiday files again, e.g. after next year's notice was put into
	 * {@code minsheng.sla.holiday-dir}; answers the years now covered.
	 */
	@PostMapping("/reload")
	Map<String, Object> reload() {
		return Map.of("coveredYears", administration.reloadHolidays());
	}

	@GetMapping("/{year}")
	YearView year(@PathVariable int year) {
		if (year < 2000 || year > 2100) {
			throw new InvalidFieldException("year", "年份须在 2000 到 2100 之间");
		}
		var off = new ArrayList<LocalDate>();
		var worked = new ArrayList<LocalDate>();
		int working = 0;
		for (var date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
			boolean weekend = date.getDayOfWeek().getValue() >= 6;
			boolean isWorking = calendar.isWorkingDay(date);
			if (isWorking) {
				working++;
			}
			if (weekend && isWorking) {
				worked.add(date);
			}
			else if (!weekend && !isWorking) {
				off.add(date);
			}
		}
		var hours = calendar.workingHours()
			.periods()
			.stream()
			.map(p -> p.start() + "-" + p.end())
			.reduce((a, b) -> a + "," + b)
			.orElse("");
		return new YearView(year, calendar.coveredYears().contains(year), off, worked, working, hours);
	}

	/** {@code ?start=2026-09-30T17:00+08:00&workingDays=1} or {@code &workingTime=PT4H}. */
	@GetMapping("/deadline")
	Deadline deadline(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime start,
			@RequestParam(required = false) Integer workingDays,
			@RequestParam(required = false) Duration workingTime) {
		if ((workingDays == null) == (workingTime == null)) {
			throw new InvalidFieldException("workingDays", "workingDays 与 workingTime 须且只能填一项");
		}
		if (workingDays != null && (workingDays < 0 || workingDays > 365)) {
			throw new InvalidFieldException("workingDays", "workingDays 须在 0 到 365 之间");
		}
		if (workingTime != null && (workingTime.isNegative() || workingTime.toDays() > 365)) {
			throw new InvalidFieldException("workingTime", "workingTime 须在 PT0S 到 365 天之间");
		}
		var from = start.atZoneSameInstant(SHANGHAI);
		var deadline = workingDays != null ? calendar.plusWorkingDays(from, workingDays) : calendar.plus(from, workingTime);
		return new Deadline(start, workingDays != null ? workingDays + " working days" : workingTime.toString(),
				deadline.toOffsetDateTime());
	}
}
