package org.minsheng.workorder.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.minsheng.identity.DepartmentId;
import org.minsheng.sla.SlaTerm;
import org.minsheng.sla.WorkingCalendar;
import org.minsheng.sla.WorkingHours;
import org.minsheng.workorder.Channel;
import org.minsheng.workorder.ResultType;
import org.minsheng.workorder.Satisfaction;
import org.minsheng.workorder.Urgency;
import org.minsheng.workorder.WorkOrderNo;

/**
 * Work orders in every state of their lifecycle, made through the aggregate's own commands, for
 * unit tests without Spring or a database. The center is department 1; the lead department 10 has
 * department 11 below it; department 20 co-handles; department 30 has nothing to do with the order.
 */
final class LifecycleFixture {

	static final DepartmentId CENTER = new DepartmentId(1), LEAD = new DepartmentId(10), BELOW = new DepartmentId(11),
			CO = new DepartmentId(20), STRANGER = new DepartmentId(30);

	static final int MAX_REOPENS = 2;

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** Every hour counts: the state machine, not the calendar, is under test here. */
	static final WorkingCalendar AROUND_THE_CLOCK = new WorkingCalendar() {

		@Override
		public boolean isWorkingDay(LocalDate date) {
			return true;
		}

		@Override
		public ZonedDateTime plus(ZonedDateTime start, Duration workingTime) {
			return start.plus(workingTime);
		}

		@Override
		public ZonedDateTime plusWorkingDays(ZonedDateTime start, int days) {
			return start.plusDays(days);
		}

		@Override
		public Duration between(ZonedDateTime from, ZonedDateTime to) {
			return Duration.between(from, to);
		}

		@Override
		public WorkingHours workingHours() {
			return WorkingHours.parse("09:00-12:00,13:00-18:00");
		}

		@Override
		public Set<Integer> coveredYears() {
			return Set.of();
		}
	};

	static final WorkOrder.Sla SLA = new WorkOrder.Sla(AROUND_THE_CLOCK, 0.8);

	static final WorkOrder.Terms TERMS = new WorkOrder.Terms(SlaTerm.parse("1wd"), SlaTerm.parse("5wd"),
			SlaTerm.parse("2wd"));

	private ZonedDateTime now = ZonedDateTime.of(2026, 12, 4, 9, 0, 0, 0, SHANGHAI);

	private int numbers;

	/** The center's staff (a dispatcher, a reviewer, a supervisor: permissions are not the aggregate's concern). */
	WorkOrder.Act center() {
		return by(CENTER);
	}

	/** Someone of the department, a minute after the last act. */
	WorkOrder.Act by(DepartmentId department) {
		now = now.plusMinutes(1);
		return new WorkOrder.Act("user" + department, "部门" + department + "经办人", department, now);
	}

	WorkOrder pendingDispatch(boolean callbackPossible) {
		var no = new WorkOrderNo("WO20261204" + String.format("%06d", ++numbers));
		var order = WorkOrder.register(no,
				new WorkOrder.Registration(101L, "440305001", Channel.PHONE, Urgency.NORMAL), callbackPossible, null,
				center());
		order.stored(numbers);
		return order;
	}

	WorkOrder pendingDispatch() {
		return pendingDispatch(true);
	}

	WorkOrder closedOnTheSpot() {
		var no = new WorkOrderNo("WO20261204" + String.format("%06d", ++numbers));
		var order = WorkOrder.register(no,
				new WorkOrder.Registration(101L, "440305001", Channel.PHONE, Urgency.NORMAL), true, "已当场解答", center());
		order.stored(numbers);
		return order;
	}

	/** Sent to the lead department with a co-handler, neither has signed. */
	WorkOrder dispatched() {
		var order = pendingDispatch();
		order.dispatch(LEAD, List.of(CO), "请处理", false, TERMS, SLA, center());
		return order;
	}

	/** The lead has signed; the co-handler has not. */
	WorkOrder inProgress() {
		var order = dispatched();
		order.sign(by(LEAD));
		return order;
	}

	/** The lead passed it on to the department below, which has not signed. */
	WorkOrder dispatchedBelow() {
		var order = inProgress();
		order.dispatchBelow(BELOW, "请属地核实", by(LEAD));
		return order;
	}

	/** The lead asked for more time. */
	WorkOrder extensionPending() {
		var order = inProgress();
		order.requestExtension("需协调多个部门", now.plusDays(30), SLA, by(LEAD));
		return order;
	}

	WorkOrder returned() {
		var order = dispatched();
		order.returnToSender("不属于本单位职责", SLA, by(LEAD));
		return order;
	}

	WorkOrder replied() {
		var order = inProgress();
		order.reply(ResultType.RESOLVED, "已修复路灯", by(LEAD));
		return order;
	}

	WorkOrder pendingCallback() {
		var order = replied();
		order.review(true, null, TERMS, SLA, center());
		return order;
	}

	WorkOrder closed() {
		var order = pendingCallback();
		order.callback(Satisfaction.SATISFIED, "市民满意", MAX_REOPENS, TERMS, SLA, center());
		return order;
	}

	WorkOrder withdrawn() {
		var order = dispatched();
		order.withdraw("市民来电撤回", center());
		return order;
	}

	WorkOrder merged() {
		var order = pendingDispatch();
		order.mergeInto(dispatched(), center());
		return order;
	}
}
