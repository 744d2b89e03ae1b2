package org.minsheng.sla.internal;

import java.util.Set;
import java.util.TreeSet;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.sla.CalendarAdministration;
import org.springframework.stereotype.Service;

@Service
class CalendarAdministrationService implements CalendarAdministration {

	private final ReloadableCalendar calendar;

	private final CurrentActor current;

	private final AuditTrail audit;

	CalendarAdministrationService(ReloadableCalendar calendar, CurrentActor current, AuditTrail audit) {
		this.calendar = calendar;
		this.current = current;
		this.audit = audit;
	}

	@Override
	public Set<Integer> reloadHolidays() {
		current.get().require(Permission.SLA_ADMIN);
		Set<Integer> years;
		try {
			years = new TreeSet<>(calendar.reload());
		}
		catch (RuntimeException e) {
			throw new InvalidFieldException("holidayDir", "节假日文件无法读取，日历未变（the holiday files could not be read: "
					+ e.getMessage() + "）");
		}
		audit.record(AuditRecord.of(AuditAction.CALENDAR_RELOADED, "calendar", "holiday-cn", "years=" + years));
		return years;
	}
}
