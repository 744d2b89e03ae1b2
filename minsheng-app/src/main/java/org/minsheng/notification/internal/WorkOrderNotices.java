package org.minsheng.notification.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.minsheng.identity.DepartmentDirectory;
import org.minsheng.identity.DepartmentId;
import org.minsheng.identity.Role;
import org.minsheng.identity.UserId;
import org.minsheng.understanding.RequestBurstDetected;
import org.minsheng.understanding.RequestRiskFlagged;
import org.minsheng.workorder.WorkOrderDeadlineApproaching;
import org.minsheng.workorder.WorkOrderDeadlineMissed;
import org.minsheng.workorder.WorkOrderDispatched;
import org.minsheng.workorder.WorkOrderNo;
import org.minsheng.workorder.WorkOrderReplied;
import org.minsheng.workorder.WorkOrderReturned;
import org.minsheng.workorder.WorkOrderSupervised;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns work-order events into notices for the department's handlers and admins and into webhook
 * deliveries. Each notice and delivery has a key derived from the event, so a redelivered event
 * (after a crash, through the publication registry) adds nothing twice.
 * <p>
 * Notices of a person's step (dispatch, return, reply, supervision) are written in that step's own
 * transaction: they are rows in the same database, so the step and its notices and webhook deliveries
 * commit together or not at all (a transactional outbox), and no publication has to be kept for
 * them. The deadline watch's events go through the event publication registry instead: the watch
 * runs unattended, and a failing notice must not hold back the marks of the other orders.
 */
@Component
class WorkOrderNotices {

	private static final EnumSet<Role> DEPARTMENT_STAFF = EnumSet.of(Role.HANDLER, Role.DEPARTMENT_ADMIN);

	private final NotificationService notifications;

	private final Webhooks webhooks;

	private final DepartmentDirectory directory;

	WorkOrderNotices(NotificationService notifications, Webhooks webhooks, DepartmentDirectory directory) {
		this.notifications = notifications;
		this.webhooks = webhooks;
		this.directory = directory;
	}

	@EventListener
	void on(WorkOrderDispatched e) {
		var key = "dispatched:" + e.no() + ":" + e.lead() + ":" + moment(e.at());
		notifyStaff(e.lead(), key, "WORK_ORDER_DISPATCHED", "新工单待签收 " + e.no(),
				(e.reassigned() ? "中心改派至本单位" : e.automatic() ? "系统按权责清单派至本单位" : "派至本单位") + "，请及时签收。",
				e.no());
		for (var co : e.coHandlers()) {
			notifyStaff(co, key + ":co:" + co, "WORK_ORDER_DISPATCHED", "新协办工单 " + e.no(), "请签收并提出协办意见。", e.no());
		}
		webhooks.enqueue("work-order.dispatched", key, Map.of("no", e.no().value(), "lead", e.lead().value(),
				"coHandlers", e.coHandlers().stream().map(DepartmentId::value).toList(), "automatic", e.automatic(),
				"reassigned", e.reassigned(), "at", e.at().toString()));
	}

	@ApplicationModuleListener
	void on(WorkOrderDeadlineApproaching e) {
		var key = "approaching:" + e.clockId();
		if (e.department() != null) {
			notifyStaff(e.department(), key, "DEADLINE_APPROACHING", "工单即将超期 " + e.no(),
					e.stage().label() + "将于 " + e.dueAt().toLocalDateTime().toString().replace('T', ' ') + " 到期。",
					e.no());
		}
		webhooks.enqueue("work-order.deadline-approaching", key, Map.of("no", e.no().value(), "stage",
				e.stage().name(), "dueAt", e.dueAt().toString(), "at", e.at().toString()));
	}

	@ApplicationModuleListener
	void on(WorkOrderDeadlineMissed e) {
		var key = "missed:" + e.clockId();
		if (e.department() != null) {
			notifyStaff(e.department(), key, "DEADLINE_MISSED", "工单已超期 " + e.no(),
					e.stage().label() + "已于 " + e.dueAt().toLocalDateTime().toString().replace('T', ' ') + " 到期。",
					e.no());
		}
		webhooks.enqueue("work-order.deadline-missed", key, Map.of("no", e.no().value(), "stage", e.stage().name(),
				"dueAt", e.dueAt().toString(), "at", e.at().toString()));
	}

	@EventListener
	void on(WorkOrderSupervised e) {
		var key = "supervised:" + e.no() + ":" + moment(e.at());
		if (e.department() != null) {
			notifyStaff(e.department(), key, "WORK_ORDER_SUPERVISED", e.kind().label() + " " + e.no(), e.note(), e.no());
		}
		webhooks.enqueue("work-order.supervised", key, Map.of("no", e.no().value(), "kind", e.kind().name(), "at",
				e.at().toString()));
	}

	@EventListener
	void on(WorkOrderReturned e) {
		var department = directory.names(List.of(e.department().value())).getOrDefault(e.department().value(), "");
		notifications.notify(directory.centerStaff(EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR)),
				"returned:" + e.no() + ":" + moment(e.at()),
				"WORK_ORDER_RETURNED", "工单被退回 " + e.no(), department + "退单：" + e.reason() + "。请重新派单。",
				"/console/work-orders/" + e.no());
		webhooks.enqueue("work-order.returned", "returned:" + e.no() + ":" + moment(e.at()), Map.of("no",
				e.no().value(), "department", e.department().value(), "reason", e.reason(), "at", e.at().toString()));
	}

	@EventListener
	void on(WorkOrderReplied e) {
		var department = directory.names(List.of(e.department().value())).getOrDefault(e.department().value(), "");
		notifications.notify(directory.centerStaff(EnumSet.of(Role.DISPATCHER)),
				"replied:" + e.no() + ":" + moment(e.at()),
				"WORK_ORDER_REPLIED", "工单待审核 " + e.no(), department + "已回复，请审核。", "/console/work-orders/" + e.no());
	}

	/** A request that reads as a risk reaches the center's supervisors at once (and the webhooks). */
	@ApplicationModuleListener
	void on(RequestRiskFlagged e) {
		var labels = String.join("、", e.risks().stream().map(r -> r.label()).toList());
		var evidence = String.join("；", e.risks().stream().map(r -> r.label() + "：「" + r.evidence() + "」").toList());
		notifications.notify(directory.centerStaff(EnumSet.of(Role.SUPERVISOR)), "risk:" + e.orderNo(), "REQUEST_RISK",
				"风险工单 " + e.orderNo() + "（" + labels + "）", evidence + "。请立即关注。", "/console/work-orders/" + e.orderNo());
		webhooks.enqueue("work-order.risk", "risk:" + e.orderNo(), Map.of("no", e.orderNo(), "risks",
				e.risks().stream().map(r -> r.kind()).toList(), "at", e.at().toString()));
	}

	/**
	 * Many requests alike from one district within a day (群体诉求): the supervisors hear of it once
	 * a day per district, with the count and the newest orders, and the webhooks too.
	 */
	@ApplicationModuleListener
	void on(RequestBurstDetected e) {
		var day = e.at().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
		var key = "burst:" + e.district() + ":" + day;
		var named = String.join("、", e.latest()) + (e.count() > e.latest().size() ? " 等" : "");
		notifications.notify(directory.centerStaff(EnumSet.of(Role.SUPERVISOR)), key, "REQUEST_BURST",
				"疑似群体诉求：" + e.districtName() + " 一天内 " + e.count() + " 件相似工单",
				"相似工单：" + named + "。请研判是否为群体性诉求并统筹处置。", "/console/work-orders/" + e.latest().getFirst());
		webhooks.enqueue("work-order.burst", key, Map.of("district", e.district(), "count", e.count(), "latest",
				e.latest(), "at", e.at().toString()));
	}

	/** An event's time as part of its key, to the millisecond as the database keeps it. */
	private static Instant moment(OffsetDateTime at) {
		return at.toInstant().truncatedTo(ChronoUnit.MILLIS);
	}

	private void notifyStaff(DepartmentId department, String key, String kind, String title, String body,
			WorkOrderNo no) {
		List<UserId> staff = directory.members(department, DEPARTMENT_STAFF);
		notifications.notify(staff, key, kind, title, body, "/console/work-orders/" + no);
	}
}
