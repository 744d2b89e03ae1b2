package org.minsheng.workorder.internal;

import static org.minsheng.workorder.internal.Input.blankToNull;
import static org.minsheng.workorder.internal.Input.limited;
import static org.minsheng.workorder.internal.Input.required;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.identity.Actor;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.DepartmentDirectory;
import org.minsheng.identity.DepartmentId;
import org.minsheng.identity.Permission;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.minsheng.workorder.ResultType;
import org.minsheng.workorder.Satisfaction;
import org.minsheng.workorder.SupervisionKind;
import org.minsheng.workorder.WorkOrderLimits;
import org.minsheng.workorder.WorkOrderNo;
import org.minsheng.workorder.WorkOrderView;
import org.minsheng.workorder.WorkOrders.BulkResult;
import org.minsheng.workorder.WorkOrders.Dispatch;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of an order after registration (派单、改派、签收、退回、下派、答复、审核、回访、延期、督办、并单、撤单):
 * each checks the person's permission and input, loads the order the person may see, lets the
 * aggregate take the step (its rules are the aggregate's, {@link WorkOrder#RULES}), stores it with
 * its audit entry and publishes what it raised.
 */
@Component
@Transactional
class WorkOrderSteps {

	private final WorkOrderRows rows;

	private final WorkOrderViews views;

	private final WorkOrderTerms terms;

	private final DispatchAdvice advice;

	private final DepartmentDirectory directory;

	private final AttachmentService attachments;

	private final WorkOrderSettings settings;

	private final CurrentActor current;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate tx;

	WorkOrderSteps(WorkOrderRows rows, WorkOrderViews views, WorkOrderTerms terms, DispatchAdvice advice,
			DepartmentDirectory directory, AttachmentService attachments, WorkOrderSettings settings, CurrentActor current,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock, TransactionTemplate tx) {
		this.rows = rows;
		this.views = views;
		this.terms = terms;
		this.advice = advice;
		this.directory = directory;
		this.attachments = attachments;
		this.settings = settings;
		this.current = current;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.tx = tx;
	}

	WorkOrderView dispatch(WorkOrderNo no, Dispatch d) {
		var actor = require(Permission.WORKORDER_DISPATCH);
		var co = checkDispatch(d);
		return change(actor, no, (order, facts, act) -> {
			var shown = complexity(order, facts, d.complex());
			order.dispatch(d.leadDepartmentId(), co, blankToNull(d.comment()), false, terms.of(facts, d.complex()),
					terms.sla(), act);
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_DISPATCHED, "work_order", no,
					"lead=" + d.leadDepartmentId() + ", co=" + co));
			return shown;
		});
	}

	WorkOrderView reassign(WorkOrderNo no, Dispatch d) {
		var actor = require(Permission.WORKORDER_DISPATCH);
		var co = checkDispatch(d);
		var reason = required(d.comment(), "comment", "改派须说明原因", WorkOrderLimits.COMMENT);
		return change(actor, no, (order, facts, act) -> {
			var shown = complexity(order, facts, d.complex());
			order.reassign(d.leadDepartmentId(), co, reason, terms.of(facts, d.complex()), terms.sla(), act);
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_REASSIGNED, "work_order", no,
					"lead=" + d.leadDepartmentId() + ", co=" + co));
			return shown;
		});
	}

	/** Marks the order complex (疑难) or not as the dispatcher says; answers the facts to show. */
	private WorkOrderRows.Facts complexity(WorkOrder order, WorkOrderRows.Facts facts, boolean complex) {
		if (complex == facts.complex()) return facts;
		rows.setComplex(order.id(), complex);
		return facts.withComplex(complex);
	}

	WorkOrderView sign(WorkOrderNo no) {
		var actor = require(Permission.WORKORDER_HANDLE);
		return change(actor, no, (order, facts, act) -> {
			order.sign(act);
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_SIGNED, "work_order", no, "department=" + act.departmentId()));
			return facts;
		});
	}

	/** Signs each order in its own transaction: one that cannot be signed does not hold back the others. */
	@Transactional(propagation = Propagation.NEVER)
	BulkResult signAll(List<WorkOrderNo> orders) {
		require(Permission.WORKORDER_HANDLE);
		if (orders == null || orders.isEmpty() || orders.size() > 200) {
			throw new InvalidFieldException("orderNos", "一次签收 1 到 200 张工单");
		}
		var done = new ArrayList<WorkOrderNo>();
		var failed = new ArrayList<BulkResult.Failure>();
		for (var no : new LinkedHashSet<>(orders)) {
			try {
				tx.executeWithoutResult(status -> sign(no));
				done.add(no);
			}
			catch (RuntimeException e) {
				failed.add(new BulkResult.Failure(no, e.getMessage()));
			}
		}
		return new BulkResult(done, failed);
	}

	WorkOrderView returnOrder(WorkOrderNo no, String reason) {
		var actor = require(Permission.WORKORDER_HANDLE);
		var why = required(reason, "reason", "退回须说明原因", WorkOrderLimits.COMMENT);
		return change(actor, no, (order, facts, act) -> {
			order.returnToSender(why, terms.sla(), act);
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_RETURNED, "work_order", no, "department=" + act.departmentId()));
			return facts;
		});
	}

	WorkOrderView dispatchBelow(WorkOrderNo no, DepartmentId department, String comment) {
		var actor = require(Permission.WORKORDER_HANDLE);
		if (department == null) {
			throw new InvalidFieldException("departmentId", "请选择下派的部门");
		}
		var target = directory.get(department)
			.filter(d -> d.enabled())
			.orElseThrow(() -> new InvalidFieldException("departmentId", "没有启用的部门 " + department));
		if (!directory.isBelow(target.id(), actor.departmentId())) {
			throw new InvalidFieldException("departmentId", "部门 " + department + " 不是本部门（" + actor.departmentId() + "）的下级");
		}
		return change(actor, no, (order, facts, act) -> {
			order.dispatchBelow(department, blankToNull(comment), act);
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_DISPATCHED_BELOW, "work_order", no,
					"from=" + act.departmentId() + ", to=" + department));
			return facts;
		});
	}

	WorkOrderView reply(WorkOrderNo no, ResultType result, String content, List<Long> attachmentIds) {
		var actor = require(Permission.WORKORDER_HANDLE);
		var text = required(content, "content", "请填写答复内容", WorkOrderLimits.REPLY);
		var files = attachmentIds == null ? List.<Long>of() : List.copyOf(attachmentIds);
		if (files.size() > WorkOrderLimits.ATTACHMENTS_PER_REPLY) {
			throw new InvalidFieldException("attachmentIds", "一次答复最多 " + WorkOrderLimits.ATTACHMENTS_PER_REPLY + " 个附件");
		}
		return change(actor, no, (order, facts, act) -> {
			order.reply(result, text, act);
			if (!files.isEmpty()) {
				attachments.link(order.id(), files, order.lastSeq(), act.username());
			}
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_REPLIED, "work_order", no, "department=" + act.departmentId()));
			return facts;
		});
	}

	WorkOrderView review(WorkOrderNo no, boolean approve, String comment) {
		var actor = require(Permission.WORKORDER_REVIEW);
		var note = limited(comment, "comment", WorkOrderLimits.COMMENT);
		return change(actor, no, (order, facts, act) -> {
			order.review(approve, note, terms.of(facts, facts.complex()), terms.sla(), act);
			audit.record(AuditRecord.of(approve ? AuditAction.WORK_ORDER_APPROVED : AuditAction.WORK_ORDER_SENT_BACK,
					"work_order", no, null));
			return facts;
		});
	}

	WorkOrderView callback(WorkOrderNo no, Satisfaction satisfaction, String note) {
		var actor = require(Permission.WORKORDER_CALLBACK);
		if (satisfaction == null) {
			throw new InvalidFieldException("satisfaction", "请选择市民的满意度");
		}
		var text = limited(note, "note", WorkOrderLimits.COMMENT);
		return change(actor, no, (order, facts, act) -> {
			order.callback(satisfaction, text, settings.maxReopens(), terms.of(facts, facts.complex()), terms.sla(), act);
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_CALLED_BACK, "work_order", no, "satisfaction=" + satisfaction));
			return facts;
		});
	}

	WorkOrderView requestExtension(WorkOrderNo no, String reason, OffsetDateTime deadline) {
		var actor = require(Permission.WORKORDER_HANDLE);
		var why = required(reason, "reason", "申请延期须说明原因", WorkOrderLimits.SHORT_REASON);
		if (deadline == null) {
			throw new InvalidFieldException("deadline", "请填写申请延至的时间");
		}
		return change(actor, no, (order, facts, act) -> {
			order.requestExtension(why, deadline.atZoneSameInstant(clock.getZone()), terms.sla(), act);
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_EXTENSION_REQUESTED, "work_order", no, "deadline=" + deadline));
			return facts;
		});
	}

	WorkOrderView decideExtension(WorkOrderNo no, boolean approve, String comment) {
		var actor = require(Permission.WORKORDER_REVIEW);
		var note = limited(comment, "comment", WorkOrderLimits.SHORT_REASON);
		return change(actor, no, (order, facts, act) -> {
			order.decideExtension(approve, note, terms.sla(), act);
			audit.record(AuditRecord.of(approve ? AuditAction.WORK_ORDER_EXTENSION_APPROVED
					: AuditAction.WORK_ORDER_EXTENSION_REFUSED, "work_order", no, null));
			return facts;
		});
	}

	WorkOrderView supervise(WorkOrderNo no, SupervisionKind kind, String note) {
		var actor = require(Permission.WORKORDER_SUPERVISE);
		if (kind == null) {
			throw new InvalidFieldException("kind", "请选择督办方式：FLAG（标记）、REMIND（催办）或 ESCALATE（升级）");
		}
		var text = required(note, "note", "督办须写明对部门的要求", WorkOrderLimits.COMMENT);
		return change(actor, no, (order, facts, act) -> {
			order.supervise(kind, text, act);
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_SUPERVISED, "work_order", no, kind.name()));
			return facts;
		});
	}

	WorkOrderView merge(WorkOrderNo duplicate, WorkOrderNo master) {
		var actor = require(Permission.WORKORDER_DISPATCH);
		if (master == null) {
			throw new InvalidFieldException("masterNo", "请填写并入的主工单编号");
		}
		var masterId = rows.idOf(master)
			.filter(id -> rows.visible(actor.scope(), id))
			.orElseThrow(() -> new InvalidFieldException("masterNo", "没有工单 " + master));
		var masterOrder = rows.load(masterId).orElseThrow();
		return change(actor, duplicate, (order, facts, act) -> {
			order.mergeInto(masterOrder, act);
			rows.save(masterOrder, act.at().toOffsetDateTime());
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_MERGED, "work_order", duplicate, "into=" + master));
			return facts;
		});
	}

	WorkOrderView withdraw(WorkOrderNo no, String reason) {
		var actor = require(Permission.WORKORDER_REGISTER);
		var why = required(reason, "reason", "撤单须写明市民的理由", WorkOrderLimits.SHORT_REASON);
		return change(actor, no, (order, facts, act) -> {
			order.withdraw(why, act);
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_WITHDRAWN, "work_order", no, null));
			return facts;
		});
	}

	private interface Change {

		/** Applies the step; answers the facts to show (changed when the step changed one). */
		WorkOrderRows.Facts apply(WorkOrder order, WorkOrderRows.Facts facts, WorkOrder.Act act);
	}

	/** Loads the order the person may see, lets the step change it, stores it and publishes what it raised. */
	private WorkOrderView change(Actor actor, WorkOrderNo no, Change change) {
		var loaded = rows.loadByNo(no)
			.filter(l -> rows.visible(actor.scope(), l.order().id()))
			.orElseThrow(() -> new NotFoundException("工单", no));
		var order = loaded.order();
		var now = ZonedDateTime.now(clock);
		var act = new WorkOrder.Act(actor.username(), actor.displayName(), actor.departmentId(), now);
		var shown = change.apply(order, loaded.facts(), act);
		rows.save(order, now.toOffsetDateTime());
		order.takeRaised().forEach(events::publishEvent);
		return views.view(order, shown, actor, loaded.screeningFailed());
	}

	private List<DepartmentId> checkDispatch(Dispatch d) {
		if (d.leadDepartmentId() == null) {
			throw new InvalidFieldException("leadDepartmentId", "请选择主办部门");
		}
		if (!advice.dispatchable(d.leadDepartmentId())) {
			throw new InvalidFieldException("leadDepartmentId", "部门 " + d.leadDepartmentId() + " 不存在、已停用或是中心本身");
		}
		var co = d.coDepartmentIds() == null ? List.<DepartmentId>of() : d.coDepartmentIds();
		if (co.size() > 10) {
			throw new InvalidFieldException("coDepartmentIds", "协办部门最多 10 个");
		}
		var seen = new HashSet<Long>();
		for (int i = 0; i < co.size(); i++) {
			if (co.get(i) == null || !advice.dispatchable(co.get(i)) || !seen.add(co.get(i).value())) {
				throw new InvalidFieldException("coDepartmentIds[" + i + "]", "不是可以协办的部门：" + co.get(i));
			}
		}
		limited(d.comment(), "comment", WorkOrderLimits.COMMENT);
		return List.copyOf(co);
	}

	private Actor require(Permission permission) {
		return current.get().require(permission);
	}
}
