package org.minsheng.workorder;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.minsheng.citizen.CitizenId;
import org.minsheng.identity.DepartmentId;

/**
 * Work orders as the center and the departments use them. Every call checks the actor's
 * permission and data scope: departments see the orders they were ever assigned (and the orders
 * of the departments below them); a confidential order never shows its caller to a department.
 * Steps that do not fit the order's state fail with one message form naming the order and state.
 */
public interface WorkOrders {

	WorkOrderView register(NewWorkOrder order);

	Optional<WorkOrderView> find(WorkOrderNo no);

	List<TimelineEntry> timeline(WorkOrderNo no);

	Page<WorkOrderSummary> list(WorkOrderQuery query);

	WorkOrderView dispatch(WorkOrderNo no, Dispatch dispatch);

	WorkOrderView reassign(WorkOrderNo no, Dispatch dispatch);

	WorkOrderView sign(WorkOrderNo no);

	/** Signs several orders for the actor's department; the orders that could not be signed are reported. */
	BulkResult signAll(List<WorkOrderNo> orders);

	WorkOrderView returnOrder(WorkOrderNo no, String reason);

	WorkOrderView dispatchBelow(WorkOrderNo no, DepartmentId department, String comment);

	/**
	 * The lead department's reply (办结反馈), or a sub-department's reply to its parent, or a
	 * co-handler's opinion, handing in files the actor added to the order before.
	 */
	WorkOrderView reply(WorkOrderNo no, ResultType result, String content, List<Long> attachmentIds);

	WorkOrderView review(WorkOrderNo no, boolean approve, String comment);

	WorkOrderView callback(WorkOrderNo no, Satisfaction satisfaction, String note);

	WorkOrderView requestExtension(WorkOrderNo no, String reason, OffsetDateTime deadline);

	WorkOrderView decideExtension(WorkOrderNo no, boolean approve, String comment);

	WorkOrderView supervise(WorkOrderNo no, SupervisionKind kind, String note);

	WorkOrderView merge(WorkOrderNo duplicate, WorkOrderNo master);

	WorkOrderView withdraw(WorkOrderNo no, String reason);

	/** The acting department's work: orders to sign, in progress, due soon, overdue, returned from below. */
	Page<WorkOrderSummary> inbox(InboxBox box, int page, int size);

	/** Department suggestions of every {@link DispatchAdvisor}, best first. */
	List<DispatchSuggestion> suggestions(WorkOrderNo no);

	/** All orders of one phone number, newest first, for agents (and the screen pop). */
	List<WorkOrderSummary> callerHistory(String phone);

	/** The orders registered during a call, by its Call-ID (WORKORDER_READ, within the data scope). */
	List<WorkOrderSummary> registeredDuring(String callId);

	/**
	 * The number to call the citizen of an order on, for the platform's own dialing (click-to-call,
	 * 号码隐私保护): never shown to the person who asks. Only for an order within the person's scope,
	 * for one who calls citizens back (WORKORDER_CALLBACK) or handles orders (WORKORDER_HANDLE); empty
	 * when the citizen left no number or stays anonymous.
	 */
	Optional<CitizenLine> lineToCitizen(WorkOrderNo no);

	enum InboxBox {
		TO_SIGN, IN_PROGRESS, DUE_SOON, OVERDUE, RETURNED
	}

	record NewWorkOrder(Channel channel, RequestType requestType, Long categoryId, Urgency urgency, String title,
			String content, CitizenId citizenId, String callerName, String callerPhone, boolean anonymous,
			boolean confidential, String address, String divisionCode, Double latitude, Double longitude,
			String callId, String recordingRef, List<String> tags, String answerOnSpot) {
	}

	record Dispatch(DepartmentId leadDepartmentId, List<DepartmentId> coDepartmentIds, String comment,
			boolean complex) {
	}

	record BulkResult(List<WorkOrderNo> done, List<Failure> failed) {

		public record Failure(WorkOrderNo no, String reason) {
		}
	}

	record Page<T>(List<T> items, long total, int page, int size) {
	}
}
