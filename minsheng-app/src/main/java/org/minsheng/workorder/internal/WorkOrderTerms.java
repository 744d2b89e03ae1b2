package org.minsheng.workorder.internal;

import org.minsheng.sla.WorkingCalendar;
import org.springframework.stereotype.Component;

/** The time limits an order is held to (from the SLA rule book) and the calendar its clocks count on. */
@Component
class WorkOrderTerms {

	private final SlaRuleBook rules;

	private final WorkingCalendar calendar;

	private final WorkOrderSettings settings;

	WorkOrderTerms(SlaRuleBook rules, WorkingCalendar calendar, WorkOrderSettings settings) {
		this.rules = rules;
		this.calendar = calendar;
		this.settings = settings;
	}

	/** The calendar the clocks count on and the share of a limit after which an order is warned. */
	WorkOrder.Sla sla() {
		return new WorkOrder.Sla(calendar, settings.warnShare());
	}

	/** The limits of the order's category, urgency and request type, longer for a complex one. */
	WorkOrder.Terms of(WorkOrderRows.Facts facts, boolean complex) {
		return rules.termsFor(facts.categoryId(), facts.urgency(), facts.requestType(), complex);
	}
}
