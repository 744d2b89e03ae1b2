package org.minsheng.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.minsheng.workorder.WorkOrderQuery;
import org.minsheng.workorder.WorkOrderState;
import org.minsheng.workorder.WorkOrders;
import org.springframework.stereotype.Component;

/**
 * Today's figures for the home page of those who read the center's figures (a leader, an analyst,
 * a supervisor): orders received today against yesterday, open, due soon, overdue, supervised and
 * waiting for the citizen's callback, and the last seven days' orders by day. Each is counted within
 * the person's data scope, and each leads to the orders behind it.
 */
@Component
class TodayOverview {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/**
	 * One figure of the overview.
	 *
	 * @param href the orders behind it, as the order list shows them
	 */
	record Figure(String key, String label, long value, String href, String note) {
	}

	/** Orders received on one day. */
	record Day(LocalDate day, long received) {
	}

	record Overview(LocalDate today, List<Figure> figures, List<Day> week) {
	}

	private static final Set<WorkOrderState> OPEN = Arrays.stream(WorkOrderState.values())
		.filter(WorkOrderState::open)
		.collect(Collectors.toUnmodifiableSet());

	private final WorkOrders orders;

	private final Clock clock;

	TodayOverview(WorkOrders orders, Clock clock) {
		this.orders = orders;
		this.clock = clock;
	}

	Overview now() {
		var today = LocalDate.now(clock.withZone(SHANGHAI));
		var week = new ArrayList<Day>();
		for (int back = 6; back >= 0; back--) {
			var day = today.minusDays(back);
			week.add(new Day(day, received(day)));
		}
		long received = week.getLast().received();
		long yesterday = week.get(week.size() - 2).received();
		var figures = List.of(
				new Figure("received", "今日受理", received, "/console/work-orders?from=" + today + "&to=" + today,
						"昨日 " + yesterday + " 件"),
				new Figure("open", "在办工单", count(OPEN, null, null, false), "/console/work-orders?" + OPEN.stream()
					.sorted()
					.map(s -> "state=" + s.name())
					.collect(Collectors.joining("&")), "尚未办结的工单"),
				new Figure("soon", "24小时内到期", count(null, WorkOrderQuery.Due.SOON, 24, false),
						"/console/work-orders?due=SOON", "请提醒承办单位"),
				new Figure("overdue", "已超期", count(null, WorkOrderQuery.Due.OVERDUE, null, false),
						"/console/work-orders?due=OVERDUE", "超过办理时限仍未办结"),
				new Figure("supervised", "督办中", count(null, null, null, true), "/console/work-orders?supervised=true",
						"中心督办的工单"),
				new Figure("callback", "待回访", count(Set.of(WorkOrderState.PENDING_CALLBACK), null, null, false),
						"/console/work-orders?state=PENDING_CALLBACK", "已审核、待回访市民"));
		return new Overview(today, figures, week);
	}

	private long received(LocalDate day) {
		return orders.list(new WorkOrderQuery(null, null, null, null, null, null,
				day.atStartOfDay(SHANGHAI).toOffsetDateTime(), day.plusDays(1).atStartOfDay(SHANGHAI).toOffsetDateTime(),
				null, null, false, 0, 1)).total();
	}

	private long count(Set<WorkOrderState> states, WorkOrderQuery.Due due, Integer withinHours, boolean supervised) {
		return orders.list(new WorkOrderQuery(states, null, null, null, due, withinHours, null, null, null, null,
				supervised, 0, 1)).total();
	}
}
