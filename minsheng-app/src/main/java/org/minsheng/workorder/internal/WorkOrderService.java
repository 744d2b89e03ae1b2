package org.minsheng.workorder.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.minsheng.identity.DepartmentId;
import org.minsheng.workorder.CitizenLine;
import org.minsheng.workorder.DispatchSuggestion;
import org.minsheng.workorder.ResultType;
import org.minsheng.workorder.Satisfaction;
import org.minsheng.workorder.SupervisionKind;
import org.minsheng.workorder.TimelineEntry;
import org.minsheng.workorder.WorkOrderNo;
import org.minsheng.workorder.WorkOrderQuery;
import org.minsheng.workorder.WorkOrderSummary;
import org.minsheng.workorder.WorkOrderView;
import org.minsheng.workorder.WorkOrders;
import org.springframework.stereotype.Service;

/**
 * The module's one door ({@link WorkOrders}), cut by what is asked: registration
 * ({@link WorkOrderRegistration}), the steps after it ({@link WorkOrderSteps}) and the reads
 * ({@link WorkOrderReads}). Each part keeps its own transactions.
 */
@Service
class WorkOrderService implements WorkOrders {

	private final WorkOrderRegistration registration;

	private final WorkOrderSteps steps;

	private final WorkOrderReads reads;

	WorkOrderService(WorkOrderRegistration registration, WorkOrderSteps steps, WorkOrderReads reads) {
		this.registration = registration;
		this.steps = steps;
		this.reads = reads;
	}

	@Override
	public WorkOrderView register(NewWorkOrder o) {
		return registration.register(o);
	}

	@Override
	public Optional<WorkOrderView> find(WorkOrderNo no) {
		return reads.find(no);
	}

	@Override
	public List<TimelineEntry> timeline(WorkOrderNo no) {
		return reads.timeline(no);
	}

	@Override
	public Page<WorkOrderSummary> list(WorkOrderQuery query) {
		return reads.list(query);
	}

	@Override
	public Page<WorkOrderSummary> inbox(InboxBox box, int page, int size) {
		return reads.inbox(box, page, size);
	}

	@Override
	public List<WorkOrderSummary> callerHistory(String phone) {
		return reads.callerHistory(phone);
	}

	@Override
	public List<WorkOrderSummary> registeredDuring(String callId) {
		return reads.registeredDuring(callId);
	}

	@Override
	public Optional<CitizenLine> lineToCitizen(WorkOrderNo no) {
		return reads.lineToCitizen(no);
	}

	@Override
	public List<DispatchSuggestion> suggestions(WorkOrderNo no) {
		return reads.suggestions(no);
	}

	@Override
	public WorkOrderView dispatch(WorkOrderNo no, Dispatch d) {
		return steps.dispatch(no, d);
	}

	@Override
	public WorkOrderView reassign(WorkOrderNo no, Dispatch d) {
		return steps.reassign(no, d);
	}

	@Override
	public WorkOrderView sign(WorkOrderNo no) {
		return steps.sign(no);
	}

	@Override
	public BulkResult signAll(List<WorkOrderNo> orders) {
		return steps.signAll(orders);
	}

	@Override
	public WorkOrderView returnOrder(WorkOrderNo no, String reason) {
		return steps.returnOrder(no, reason);
	}

	@Override
	public WorkOrderView dispatchBelow(WorkOrderNo no, DepartmentId department, String comment) {
		return steps.dispatchBelow(no, department, comment);
	}

	@Override
	public WorkOrderView reply(WorkOrderNo no, ResultType result, String content, List<Long> attachmentIds) {
		return steps.reply(no, result, content, attachmentIds);
	}

	@Override
	public WorkOrderView review(WorkOrderNo no, boolean approve, String comment) {
		return steps.review(no, approve, comment);
	}

	@Override
	public WorkOrderView callback(WorkOrderNo no, Satisfaction satisfaction, String note) {
		return steps.callback(no, satisfaction, note);
	}

	@Override
	public WorkOrderView requestExtension(WorkOrderNo no, String reason, OffsetDateTime deadline) {
		return steps.requestExtension(no, reason, deadline);
	}

	@Override
	public WorkOrderView decideExtension(WorkOrderNo no, boolean approve, String comment) {
		return steps.decideExtension(no, approve, comment);
	}

	@Override
	public WorkOrderView supervise(WorkOrderNo no, SupervisionKind kind, String note) {
		return steps.supervise(no, kind, note);
	}

	@Override
	public WorkOrderView merge(WorkOrderNo duplicate, WorkOrderNo master) {
		return steps.merge(duplicate, master);
	}

	@Override
	public WorkOrderView withdraw(WorkOrderNo no, String reason) {
		return steps.withdraw(no, reason);
	}
}
