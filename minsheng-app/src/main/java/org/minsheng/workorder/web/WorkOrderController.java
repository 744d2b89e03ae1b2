package org.minsheng.workorder.web;

import static org.minsheng.workorder.WorkOrderLimits.*;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.minsheng.citizen.CitizenId;
import org.minsheng.identity.DepartmentId;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.minsheng.workorder.Channel;
import org.minsheng.workorder.DispatchSuggestion;
import org.minsheng.workorder.RequestType;
import org.minsheng.workorder.ResultType;
import org.minsheng.workorder.Satisfaction;
import org.minsheng.workorder.SupervisionKind;
import org.minsheng.workorder.TimelineEntry;
import org.minsheng.workorder.Urgency;
import org.minsheng.workorder.WorkOrderNo;
import org.minsheng.workorder.WorkOrderQuery;
import org.minsheng.workorder.WorkOrderState;
import org.minsheng.workorder.WorkOrderSummary;
import org.minsheng.workorder.WorkOrderView;
import org.minsheng.workorder.WorkOrders;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/work-orders")
class WorkOrderController {


	record Register(@NotNull Channel channel, @NotNull RequestType requestType, Long categoryId,
			@NotNull Urgency urgency, @NotBlank @Size(max = TITLE) String title, @NotBlank @Size(max = CONTENT) String content,
			Long citizenId, @Size(max = CALLER_NAME) String callerName, @Size(max = CALLER_PHONE) String callerPhone, Boolean anonymous,
			Boolean confidential, @Size(max = ADDRESS) String address, @Size(max = DIVISION_CODE) String divisionCode, Double latitude,
			Double longitude, @Size(max = CALL_ID) String callId, @Size(max = RECORDING_REF) String recordingRef,
			@Size(max = TAGS) List<@NotBlank @Size(max = TAG) String> tags, @Size(max = ANSWER) String answerOnSpot) {
	}

	record DispatchBody(@NotNull Long leadDepartmentId, @Size(max = CO_HANDLERS) List<@NotNull Long> coDepartmentIds,
			@Size(max = COMMENT) String comment, Boolean complex) {
	}

	record Reason(@NotBlank @Size(max = COMMENT) String reason) {
	}

	record DispatchBelow(@NotNull Long departmentId, @Size(max = COMMENT) String comment) {
	}

	record Reply(ResultType resultType, @NotBlank @Size(max = REPLY) String content,
			@Size(max = ATTACHMENTS_PER_REPLY) List<@NotNull Long> attachmentIds) {
	}

	record Review(@NotNull Boolean approve, @Size(max = COMMENT) String comment) {
	}

	record Callback(@NotNull Satisfaction satisfaction, @Size(max = COMMENT) String note) {
	}

	record ExtensionRequest(@NotBlank @Size(max = SHORT_REASON) String reason, @NotNull OffsetDateTime deadline) {
	}

	record Decision(@NotNull Boolean approve, @Size(max = SHORT_REASON) String comment) {
	}

	record Supervision(@NotNull SupervisionKind kind, @NotBlank @Size(max = COMMENT) String note) {
	}

	record Merge(@NotBlank @Size(max = WORK_ORDER_NO) String masterNo) {
	}

	private final WorkOrders orders;

	WorkOrderController(WorkOrders orders) {
		this.orders = orders;
	}

	@PostMapping
	ResponseEntity<WorkOrderView> register(@Valid @RequestBody Register b) {
		var view = orders.register(new WorkOrders.NewWorkOrder(b.channel(), b.requestType(), b.categoryId(),
				b.urgency(), b.title(), b.content(), b.citizenId() == null ? null : new CitizenId(b.citizenId()),
				b.callerName(), b.callerPhone(), Boolean.TRUE.equals(b.anonymous()), Boolean.TRUE.equals(b.confidential()), b.address(), b.divisionCode(),
				b.latitude(), b.longitude(), b.callId(), b.recordingRef(), b.tags(), b.answerOnSpot()));
		return ResponseEntity.created(URI.create("/api/work-orders/" + view.no())).body(view);
	}

	@GetMapping
	WorkOrders.Page<WorkOrderSummary> list(@RequestParam(required = false) Set<WorkOrderState> state,
			@RequestParam(required = false) Long departmentId, @RequestParam(required = false) Long categoryId,
			@RequestParam(required = false) Urgency urgency, @RequestParam(required = false) WorkOrderQuery.Due due,
			@RequestParam(required = false) Integer dueWithinHours,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "false") boolean supervised, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return orders.list(new WorkOrderQuery(state, departmentId == null ? null : new DepartmentId(departmentId),
				categoryId, urgency, due, dueWithinHours, from, to, phone, q, supervised, page, size));
	}

	@GetMapping("/{no}")
	WorkOrderView one(@PathVariable String no) {
		return orders.find(WorkOrderNo.fromPath(no)).orElseThrow(() -> new NotFoundException("工单", no));
	}

	@GetMapping("/{no}/timeline")
	List<TimelineEntry> timeline(@PathVariable String no) {
		return orders.timeline(WorkOrderNo.fromPath(no));
	}

	@GetMapping("/{no}/suggestions")
	List<DispatchSuggestion> suggestions(@PathVariable String no) {
		return orders.suggestions(WorkOrderNo.fromPath(no));
	}

	@PostMapping("/{no}/dispatch")
	WorkOrderView dispatch(@PathVariable String no, @Valid @RequestBody DispatchBody b) {
		return orders.dispatch(WorkOrderNo.fromPath(no), dispatch(b));
	}

	@PostMapping("/{no}/reassign")
	WorkOrderView reassign(@PathVariable String no, @Valid @RequestBody DispatchBody b) {
		return orders.reassign(WorkOrderNo.fromPath(no), dispatch(b));
	}

	@PostMapping("/{no}/sign")
	WorkOrderView sign(@PathVariable String no) {
		return orders.sign(WorkOrderNo.fromPath(no));
	}

	@PostMapping("/{no}/return")
	WorkOrderView returnOrder(@PathVariable String no, @Valid @RequestBody Reason b) {
		return orders.returnOrder(WorkOrderNo.fromPath(no), b.reason());
	}

	@PostMapping("/{no}/dispatch-below")
	WorkOrderView dispatchBelow(@PathVariable String no, @Valid @RequestBody DispatchBelow b) {
		return orders.dispatchBelow(WorkOrderNo.fromPath(no), new DepartmentId(b.departmentId()), b.comment());
	}

	@PostMapping("/{no}/reply")
	WorkOrderView reply(@PathVariable String no, @Valid @RequestBody Reply b) {
		return orders.reply(WorkOrderNo.fromPath(no), b.resultType(), b.content(), b.attachmentIds());
	}

	@PostMapping("/{no}/review")
	WorkOrderView review(@PathVariable String no, @Valid @RequestBody Review b) {
		return orders.review(WorkOrderNo.fromPath(no), b.approve(), b.comment());
	}

	@PostMapping("/{no}/callback")
	WorkOrderView callback(@PathVariable String no, @Valid @RequestBody Callback b) {
		return orders.callback(WorkOrderNo.fromPath(no), b.satisfaction(), b.note());
	}

	@PostMapping("/{no}/extension")
	WorkOrderView requestExtension(@PathVariable String no, @Valid @RequestBody ExtensionRequest b) {
		return orders.requestExtension(WorkOrderNo.fromPath(no), b.reason(), b.deadline());
	}

	@PostMapping("/{no}/extension/decision")
	WorkOrderView decideExtension(@PathVariable String no, @Valid @RequestBody Decision b) {
		return orders.decideExtension(WorkOrderNo.fromPath(no), b.approve(), b.comment());
	}

	@PostMapping("/{no}/supervision")
	WorkOrderView supervise(@PathVariable String no, @Valid @RequestBody Supervision b) {
		return orders.supervise(WorkOrderNo.fromPath(no), b.kind(), b.note());
	}

	@PostMapping("/{no}/merge")
	WorkOrderView merge(@PathVariable String no, @Valid @RequestBody Merge b) {
		var master = WorkOrderNo.normalize(b.masterNo());
		if (!WorkOrderNo.isWellFormed(master)) {
			throw new InvalidFieldException("masterNo",
					"工单编号格式不对（应为 WO + 8 位日期 + 6 位序号）：" + b.masterNo());
		}
		return orders.merge(WorkOrderNo.fromPath(no), new WorkOrderNo(master));
	}

	@PostMapping("/{no}/withdraw")
	WorkOrderView withdraw(@PathVariable String no, @Valid @RequestBody Reason b) {
		return orders.withdraw(WorkOrderNo.fromPath(no), b.reason());
	}

	private static WorkOrders.Dispatch dispatch(DispatchBody b) {
		return new WorkOrders.Dispatch(new DepartmentId(b.leadDepartmentId()),
				b.coDepartmentIds() == null ? List.of() : b.coDepartmentIds().stream().map(DepartmentId::new).toList(),
				b.comment(), Boolean.TRUE.equals(b.complex()));
	}

}
