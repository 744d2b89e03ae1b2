package org.minsheng.workorder.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.category.Categories;
import org.minsheng.citizen.Citizens;
import org.minsheng.identity.Actor;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.DepartmentDirectory;
import org.minsheng.identity.DepartmentId;
import org.minsheng.identity.DepartmentType;
import org.minsheng.identity.Permission;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.minsheng.privacy.PersonalDataCipher;
import org.minsheng.privacy.PersonalDataKind;
import org.minsheng.privacy.PhoneNumber;
import org.minsheng.region.DivisionCode;
import org.minsheng.region.Divisions;
import org.minsheng.sla.WorkingCalendar;
import org.minsheng.workorder.DispatchAdvisor;
import org.minsheng.workorder.DispatchSuggestion;
import org.minsheng.workorder.ResultType;
import org.minsheng.workorder.Satisfaction;
import org.minsheng.workorder.SupervisionKind;
import org.minsheng.workorder.TimelineEntry;
import org.minsheng.workorder.WorkOrderLimits;
import org.minsheng.workorder.WorkOrderNo;
import org.minsheng.workorder.WorkOrderQuery;
import org.minsheng.workorder.WorkOrderSummary;
import org.minsheng.workorder.WorkOrderView;
import org.minsheng.workorder.WorkOrders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The work orders' use cases (登记、派单、签收、办理、审核、回访、督办、延期、并单、撤单) as the API and the console
 * call them: each checks the person's permission and input, loads the order, lets the aggregate take
 * the step, stores it with its audit entry and publishes what it raised. It is long because it is
 * the one door of the module's API; the rules themselves are the aggregate's (WorkOrder), the
 * reads the queries' (WorkOrderQueries), the rows the repository's (WorkOrderRows).
 */
@Service
@Transactional
class WorkOrderService implements WorkOrders {

	static final String SYSTEM = "system";

	private final WorkOrderRows rows;

	private final WorkOrderQueries queries;

	private final WorkOrderViews views;

	private final OrderNumbers numbers;

	private final SlaRuleBook slaRules;

	private final ObjectProvider<DispatchAdvisor> advisors;

	private final Screening screening;

	private final Categories categories;

	private final DepartmentDirectory directory;

	private final CurrentActor current;

	private final PersonalDataCipher cipher;

	private final Citizens citizens;

	private final Divisions divisions;

	private final WorkingCalendar calendar;

	private final WorkOrderSettings settings;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final AttachmentService attachments;

	WorkOrderService(WorkOrderRows rows, WorkOrderQueries queries, WorkOrderViews views, OrderNumbers numbers,
			SlaRuleBook slaRules, ObjectProvider<DispatchAdvisor> advisors,
			Screening screening, Categories categories,
			DepartmentDirectory directory, CurrentActor current, PersonalDataCipher cipher, Citizens citizens,
			Divisions divisions, WorkingCalendar calendar, WorkOrderSettings settings, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock, TransactionTemplate tx, AttachmentService attachments) {
		this.attachments = attachments;
		this.rows = rows;
		this.queries = queries;
		this.views = views;
		this.numbers = numbers;
		this.slaRules = slaRules;
		this.advisors = advisors;
		this.screening = screening;
		this.categories = categories;
		this.directory = directory;
		this.current = current;
		this.cipher = cipher;
		this.citizens = citizens;
		this.divisions = divisions;
		this.calendar = calendar;
		this.settings = settings;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.tx = tx;
	}

	// ---- registration --------------------------------------------------------------------------

	/**
	 * Takes the order number before the registration's own transaction, so a registration never
	 * holds one pooled connection while it waits for a second one to reserve numbers.
	 */
	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public WorkOrderView register(NewWorkOrder o) {
		var actor = require(Permission.WORKORDER_REGISTER);
		check(o);
		var no = numbers.next(LocalDate.now(clock));
		return tx.execute(status -> register(o, no, actor));
	}

	private WorkOrderView register(NewWorkOrder o, WorkOrderNo no, Actor actor) {
		// to the microsecond, as the database keeps it: the view built from these facts equals a later read
		var now = ZonedDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		var phone = o.callerPhone() == null || o.callerPhone().isBlank() || o.anonymous() ? null
				: normalizedPhone(o.callerPhone(), "callerPhone");
		var name = o.callerName() == null || o.callerName().isBlank() || o.anonymous() ? null
				: PersonalDataKind.NAME.normalize(o.callerName());
		var tags = o.tags() == null || o.tags().isEmpty() ? null : String.join(",", o.tags().stream().map(String::strip).toList());
		var answer = blankToNull(o.answerOnSpot());
		var order = WorkOrder.register(no, new WorkOrder.Registration(o.categoryId(), blankToNull(o.divisionCode()),
				o.channel(), o.urgency()), !o.anonymous() && phone != null, answer, act(actor, now));
		var row = new WorkOrderRows.NewOrder(no, o.channel(), o.requestType(), o.categoryId(), o.urgency(),
				o.title().strip(), o.content().strip(), o.anonymous() || o.citizenId() == null ? null : o.citizenId().value(),
				name == null ? null : cipher.encrypt(name), phone == null ? null : cipher.encrypt(phone),
				phone == null ? null : cipher.blindIndex(PersonalDataKind.PHONE, phone), o.anonymous(),
				o.confidential(), blankToNull(o.address()), blankToNull(o.divisionCode()), o.latitude(), o.longitude(),
				blankToNull(o.callId()), blankToNull(o.recordingRef()), tags, actor.username(),
				now.toOffsetDateTime());
		rows.insert(row, order);
		audit.record(AuditRecord.of(AuditAction.WORK_ORDER_REGISTERED, "work_order", no,
				"channel=" + o.channel() + ", urgency=" + o.urgency() + (answer != null ? ", closed on the spot" : "")));
		publish(order);
		screening.enqueue(no, o.title().strip(), o.content().strip(), blankToNull(o.divisionCode()));
		var facts = row.facts(order.id);
		if (answer == null && settings.autoDispatch()) {
			autoDispatch(order, facts, now);
		}
		// just registered: its screening has not run, so it cannot have failed
		return views.view(order, facts, actor, null);
	}

	/** Dispatches the new order when an advisor is sure enough; leaves it waiting otherwise. */
	private void autoDispatch(WorkOrder order, WorkOrderRows.Facts facts, ZonedDateTime now) {
		var best = advise(facts).stream().findFirst();
		if (best.isEmpty() || best.get().confidence() < settings.autoDispatchConfidence()
				|| !dispatchable(best.get().department()) || !best.get().coHandlers().stream().allMatch(this::dispatchable)) {
			return;
		}
		var s = best.get();
		var act = new WorkOrder.Act(SYSTEM, "自动派单", null, now);
		order.dispatch(s.department().value(), s.coHandlers().stream().map(DepartmentId::value).toList(),
				s.reason(), true, terms(facts, facts.complex()), sla(), act);
		rows.save(order, now.toOffsetDateTime());
		audit.record(AuditRecord.of(AuditAction.WORK_ORDER_DISPATCHED, "work_order", order.no,
				"lead=" + s.department() + ", automatic, " + s.source()).by(SYSTEM));
		publish(order);
	}

	private boolean dispatchable(DepartmentId id) {
		return directory.get(id).filter(d -> d.enabled() && d.type() != DepartmentType.CENTER).isPresent();
	}

	@Override
	@Transactional(readOnly = true)
	public List<DispatchSuggestion> suggestions(WorkOrderNo no) {
		var actor = require(Permission.WORKORDER_DISPATCH);
		return advise(rows.facts(visibleId(actor, no)).orElseThrow());
	}

	private List<DispatchSuggestion> advise(WorkOrderRows.Facts f) {
		var lineage = f.categoryId() == null ? List.<Long>of()
				: categories.lineage(f.categoryId()).stream().map(c -> c.id()).toList();
		var order = new DispatchAdvisor.DispatchCase(f.no(), f.categoryId(), lineage, f.divisionCode(),
				f.requestType(), f.urgency(), f.title(), f.content());
		var all = new ArrayList<DispatchSuggestion>();
		advisors().forEach(a -> {
			try {
				all.addAll(a.advise(order));
			}
			catch (RuntimeException e) {
				// advice is a help, never a condition: without it the order waits for a dispatcher
				org.slf4j.LoggerFactory.getLogger(WorkOrderService.class).warn("Dispatch advice for {} failed", f.no(), e);
			}
		});
		return CombinedAdvice.combine(all);
	}

	/** The advisors, looked up once: a look-up in the application context on every registration cost more than the advice. */
	private List<DispatchAdvisor> advisors() {
		var known = advisorList;
		if (known == null) {
			known = advisors.orderedStream().toList();
			advisorList = known;
		}
		return known;
	}

	private volatile List<DispatchAdvisor> advisorList;

	// ---- reads ---------------------------------------------------------------------------------

	@Override
	@Transactional(readOnly = true)
	public Optional<WorkOrderView> find(WorkOrderNo no) {
		var actor = require(Permission.WORKORDER_READ);
		return rows.loadByNo(no)
			.filter(l -> visible(actor, l.order().id))
			.map(l -> views.view(l.order(), l.facts(), actor));
	}

	@Override
	@Transactional(readOnly = true)
	public List<TimelineEntry> timeline(WorkOrderNo no) {
		var actor = require(Permission.WORKORDER_READ);
		return views.timeline(visibleId(actor, no));
	}

	@Override
	@Transactional(readOnly = true)
	public Page<WorkOrderSummary> list(WorkOrderQuery query) {
		var actor = require(Permission.WORKORDER_READ);
		String phoneIndex = null;
		if (query.phone() != null && !query.phone().isBlank()) {
			phoneIndex = cipher.blindIndex(PersonalDataKind.PHONE, normalizedPhone(query.phone(), "phone"));
		}
		List<Long> categoryIds = query.categoryId() == null ? null : categories.subtreeIds(query.categoryId());
		return queries.list(query, actor.scope(), categoryIds, phoneIndex, actor);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<WorkOrderSummary> inbox(InboxBox box, int page, int size) {
		var actor = require(Permission.WORKORDER_READ);
		return queries.inbox(box, actor.departmentId().value(), page, size, actor);
	}

	@Override
	@Transactional(readOnly = true)
	public List<WorkOrderSummary> callerHistory(String phone) {
		var actor = require(Permission.WORKORDER_READ);
		var index = cipher.blindIndex(PersonalDataKind.PHONE, normalizedPhone(phone, "phone"));
		return queries.byPhone(index, actor.scope(), actor);
	}

	// ---- transitions ---------------------------------------------------------------------------

	@Override
	public WorkOrderView dispatch(WorkOrderNo no, Dispatch d) {
		var actor = require(Permission.WORKORDER_DISPATCH);
		var co = checkDispatch(d);
		return change(actor, no, (order, facts, act) -> {
			var shown = facts;
			if (d.complex() != facts.complex()) {
				rows.setComplex(order.id, d.complex());
				shown = facts.withComplex(d.complex());
			}
			order.dispatch(d.leadDepartmentId().value(), co, blankToNull(d.comment()), false,
					terms(facts, d.complex()), sla(), act);
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_DISPATCHED, "work_order", no,
					"lead=" + d.leadDepartmentId() + ", co=" + co));
			return shown;
		});
	}

	@Override
	public WorkOrderView reassign(WorkOrderNo no, Dispatch d) {
		var actor = require(Permission.WORKORDER_DISPATCH);
		var co = checkDispatch(d);
		var reason = required(d.comment(), "comment", "A reason is required to reassign an order", WorkOrderLimits.COMMENT);
		return change(actor, no, (order, facts, act) -> {
			var shown = facts;
			if (d.complex() != facts.complex()) {
				rows.setComplex(order.id, d.complex());
				shown = facts.withComplex(d.complex());
			}
			order.reassign(d.leadDepartmentId().value(), co, reason, terms(facts, d.complex()), sla(), act);
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_REASSIGNED, "work_order", no,
					"lead=" + d.leadDepartmentId() + ", co=" + co));
			return shown;
		});
	}

	@Override
	public WorkOrderView sign(WorkOrderNo no) {
		var actor = require(Permission.WORKORDER_HANDLE);
		return change(actor, no, (order, facts, act) -> {
			order.sign(act);
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_SIGNED, "work_order", no, "department=" + act.departmentId()));
			return facts;
		});
	}

	@Override
	@Transactional(propagation = Propagation.NEVER)
	public BulkResult signAll(List<WorkOrderNo> orders) {
		require(Permission.WORKORDER_HANDLE);
		if (orders == null || orders.isEmpty() || orders.size() > 200) {
			throw new InvalidFieldException("orderNos", "Sign 1 to 200 orders at a time");
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

	@Override
	public WorkOrderView returnOrder(WorkOrderNo no, String reason) {
		var actor = require(Permission.WORKORDER_HANDLE);
		var why = required(reason, "reason", "A reason is required to return an order", WorkOrderLimits.COMMENT);
		return change(actor, no, (order, facts, act) -> {
			order.returnToSender(why, sla(), act);
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_RETURNED, "work_order", no, "department=" + act.departmentId()));
			return facts;
		});
	}

	@Override
	public WorkOrderView dispatchBelow(WorkOrderNo no, DepartmentId department, String comment) {
		var actor = require(Permission.WORKORDER_HANDLE);
		if (department == null) {
			throw new InvalidFieldException("departmentId", "A department is required");
		}
		var target = directory.get(department)
			.filter(d -> d.enabled())
			.orElseThrow(() -> new InvalidFieldException("departmentId", "No enabled department " + department));
		if (!directory.isBelow(target.id(), actor.departmentId())) {
			throw new InvalidFieldException("departmentId",
					"Department " + department + " is not below the acting department " + actor.departmentId());
		}
		return change(actor, no, (order, facts, act) -> {
			order.dispatchBelow(department.value(), blankToNull(comment), act);
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_DISPATCHED_BELOW, "work_order", no,
					"from=" + act.departmentId() + ", to=" + department));
			return facts;
		});
	}

	@Override
	public WorkOrderView reply(WorkOrderNo no, ResultType result, String content, List<Long> attachmentIds) {
		var actor = require(Permission.WORKORDER_HANDLE);
		var text = required(content, "content", "A reply needs its text", WorkOrderLimits.REPLY);
		var files = attachmentIds == null ? List.<Long>of() : List.copyOf(attachmentIds);
		if (files.size() > WorkOrderLimits.ATTACHMENTS_PER_REPLY) {
			throw new InvalidFieldException("attachmentIds", "At most 20 files with one reply");
		}
		return change(actor, no, (order, facts, act) -> {
			order.reply(result, text, act);
			if (!files.isEmpty()) {
				attachments.link(order.id, files, order.newEntries.getLast().seq(), act.username());
			}
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_REPLIED, "work_order", no, "department=" + act.departmentId()));
			return facts;
		});
	}

	@Override
	public WorkOrderView review(WorkOrderNo no, boolean approve, String comment) {
		var actor = require(Permission.WORKORDER_REVIEW);
		var note = limited(comment, "comment", WorkOrderLimits.COMMENT);
		return change(actor, no, (order, facts, act) -> {
			order.review(approve, note, terms(facts, facts.complex()), sla(), act);
			audit.record(AuditRecord.of(approve ? AuditAction.WORK_ORDER_APPROVED : AuditAction.WORK_ORDER_SENT_BACK, "work_order", no, null));
			return facts;
		});
	}

	@Override
	public WorkOrderView callback(WorkOrderNo no, Satisfaction satisfaction, String note) {
		var actor = require(Permission.WORKORDER_CALLBACK);
		if (satisfaction == null) {
			throw new InvalidFieldException("satisfaction", "The callback states the caller's satisfaction");
		}
		var text = limited(note, "note", WorkOrderLimits.COMMENT);
		return change(actor, no, (order, facts, act) -> {
			order.callback(satisfaction, text, settings.maxReopens(), terms(facts, facts.complex()), sla(), act);
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_CALLED_BACK, "work_order", no, "satisfaction=" + satisfaction));
			return facts;
		});
	}

	@Override
	public WorkOrderView requestExtension(WorkOrderNo no, String reason, OffsetDateTime deadline) {
		var actor = require(Permission.WORKORDER_HANDLE);
		var why = required(reason, "reason", "An extension request needs a reason", WorkOrderLimits.SHORT_REASON);
		if (deadline == null) {
			throw new InvalidFieldException("deadline", "An extension request names the new deadline");
		}
		return change(actor, no, (order, facts, act) -> {
			order.requestExtension(why, deadline.atZoneSameInstant(clock.getZone()), sla(), act);
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_EXTENSION_REQUESTED, "work_order", no, "deadline=" + deadline));
			return facts;
		});
	}

	@Override
	public WorkOrderView decideExtension(WorkOrderNo no, boolean approve, String comment) {
		var actor = require(Permission.WORKORDER_REVIEW);
		var note = limited(comment, "comment", WorkOrderLimits.SHORT_REASON);
		return change(actor, no, (order, facts, act) -> {
			order.decideExtension(approve, note, sla(), act);
			audit.record(AuditRecord.of(approve ? AuditAction.WORK_ORDER_EXTENSION_APPROVED : AuditAction.WORK_ORDER_EXTENSION_REFUSED,
					"work_order", no, null));
			return facts;
		});
	}

	@Override
	public WorkOrderView supervise(WorkOrderNo no, SupervisionKind kind, String note) {
		var actor = require(Permission.WORKORDER_SUPERVISE);
		if (kind == null) {
			throw new InvalidFieldException("kind", "Say how to supervise: FLAG, REMIND or ESCALATE");
		}
		var text = required(note, "note", "Supervision needs a note for the department", WorkOrderLimits.COMMENT);
		return change(actor, no, (order, facts, act) -> {
			order.supervise(kind, text, act);
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_SUPERVISED, "work_order", no, kind.name()));
			return facts;
		});
	}

	@Override
	public WorkOrderView merge(WorkOrderNo duplicate, WorkOrderNo master) {
		var actor = require(Permission.WORKORDER_DISPATCH);
		if (master == null) {
			throw new InvalidFieldException("masterNo", "Name the order to merge into");
		}
		var masterId = rows.idOf(master)
			.filter(id -> visible(actor, id))
			.orElseThrow(() -> new InvalidFieldException("masterNo", "No work order " + master));
		var masterOrder = rows.load(masterId).orElseThrow();
		var view = change(actor, duplicate, (order, facts, act) -> {
			order.mergeInto(masterOrder, act);
			rows.save(masterOrder, act.at().toOffsetDateTime());
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_MERGED, "work_order", duplicate, "into=" + master));
			return facts;
		});
		return view;
	}

	@Override
	public WorkOrderView withdraw(WorkOrderNo no, String reason) {
		var actor = require(Permission.WORKORDER_REGISTER);
		var why = required(reason, "reason", "A withdrawal needs the caller's reason", WorkOrderLimits.SHORT_REASON);
		return change(actor, no, (order, facts, act) -> {
			order.withdraw(why, act);
			audit.record(AuditRecord.of(AuditAction.WORK_ORDER_WITHDRAWN, "work_order", no, null));
			return facts;
		});
	}

	// ---- helpers -------------------------------------------------------------------------------

	private interface Change {

		/** Applies the step; answers the facts to show (changed when the step changed one). */
		WorkOrderRows.Facts apply(WorkOrder order, WorkOrderRows.Facts facts, WorkOrder.Act act);
	}

	private WorkOrderView change(Actor actor, WorkOrderNo no, Change change) {
		var loaded = rows.loadByNo(no)
			.filter(l -> visible(actor, l.order().id))
			.orElseThrow(() -> new NotFoundException("work order", no));
		var order = loaded.order();
		var facts = loaded.facts();
		var now = ZonedDateTime.now(clock);
		var shown = change.apply(order, facts, act(actor, now));
		rows.save(order, now.toOffsetDateTime());
		publish(order);
		return views.view(order, shown, actor);
	}

	/** Publishes what the order raised, once it is stored. */
	private void publish(WorkOrder order) {
		order.takeRaised().forEach(events::publishEvent);
	}

	WorkOrder.Sla sla() {
		return new WorkOrder.Sla(calendar, settings.warnShare());
	}

	private WorkOrder.Terms terms(WorkOrderRows.Facts facts, boolean complex) {
		return slaRules.termsFor(facts.categoryId(), facts.urgency(), facts.requestType(), complex);
	}

	private List<Long> checkDispatch(Dispatch d) {
		if (d.leadDepartmentId() == null) {
			throw new InvalidFieldException("leadDepartmentId", "A lead department is required");
		}
		if (!dispatchable(d.leadDepartmentId())) {
			throw new InvalidFieldException("leadDepartmentId",
					"Department " + d.leadDepartmentId() + " does not exist, is disabled or is the center");
		}
		var co = d.coDepartmentIds() == null ? List.<DepartmentId>of() : d.coDepartmentIds();
		if (co.size() > 10) {
			throw new InvalidFieldException("coDepartmentIds", "At most 10 co-handling departments");
		}
		var seen = new HashSet<Long>();
		for (int i = 0; i < co.size(); i++) {
			if (co.get(i) == null || !dispatchable(co.get(i)) || !seen.add(co.get(i).value())) {
				throw new InvalidFieldException("coDepartmentIds[" + i + "]",
						"Not a department that can co-handle: " + co.get(i));
			}
		}
		limited(d.comment(), "comment", WorkOrderLimits.COMMENT);
		return co.stream().map(DepartmentId::value).toList();
	}

	private long visibleId(Actor actor, WorkOrderNo no) {
		return rows.idOf(no).filter(id -> visible(actor, id)).orElseThrow(() -> new NotFoundException("work order", no));
	}

	private boolean visible(Actor actor, long id) {
		return rows.visible(actor.scope(), id);
	}

	private WorkOrder.Act act(Actor actor, ZonedDateTime now) {
		return new WorkOrder.Act(actor.username(), actor.displayName(), actor.departmentId().value(), now);
	}

	private Actor require(Permission permission) {
		return current.get().require(permission);
	}

	private void check(NewWorkOrder o) {
		notNull(o.channel(), "channel");
		notNull(o.requestType(), "requestType");
		notNull(o.urgency(), "urgency");
		required(o.title(), "title", "A title is required", WorkOrderLimits.TITLE);
		required(o.content(), "content", "The caller's request is required", WorkOrderLimits.CONTENT);
		if (o.categoryId() != null && categories.find(o.categoryId()).filter(c -> c.enabled()).isEmpty()) {
			throw new InvalidFieldException("categoryId", "No enabled category " + o.categoryId());
		}
		if (o.callerPhone() != null && !o.callerPhone().isBlank()) {
			normalizedPhone(o.callerPhone(), "callerPhone");
		}
		limited(o.callerName(), "callerName", WorkOrderLimits.CALLER_NAME);
		if (o.citizenId() != null && !o.anonymous() && citizens.find(o.citizenId()).isEmpty()) {
			throw new InvalidFieldException("citizenId", "No citizen " + o.citizenId());
		}
		limited(o.address(), "address", WorkOrderLimits.ADDRESS);
		var code = blankToNull(o.divisionCode());
		if (code != null && (!DivisionCode.isWellFormed(code) || divisions.find(new DivisionCode(code)).isEmpty())) {
			throw new InvalidFieldException("divisionCode", "Unknown division code " + code);
		}
		if (o.latitude() != null && (o.latitude() < -90 || o.latitude() > 90)) {
			throw new InvalidFieldException("latitude", "A latitude lies between -90 and 90");
		}
		if (o.longitude() != null && (o.longitude() < -180 || o.longitude() > 180)) {
			throw new InvalidFieldException("longitude", "A longitude lies between -180 and 180");
		}
		if ((o.latitude() == null) != (o.longitude() == null)) {
			throw new InvalidFieldException(o.latitude() == null ? "latitude" : "longitude",
					"Give both latitude and longitude, or neither");
		}
		limited(o.callId(), "callId", WorkOrderLimits.CALL_ID);
		limited(o.recordingRef(), "recordingRef", WorkOrderLimits.RECORDING_REF);
		if (o.tags() != null) {
			if (o.tags().size() > WorkOrderLimits.TAGS) {
				throw new InvalidFieldException("tags", "At most 10 tags");
			}
			for (int i = 0; i < o.tags().size(); i++) {
				var tag = o.tags().get(i);
				if (tag == null || tag.isBlank() || tag.strip().length() > WorkOrderLimits.TAG || tag.contains(",")) {
					throw new InvalidFieldException("tags[" + i + "]", "A tag has 1 to 20 characters and no comma");
				}
			}
		}
		limited(o.answerOnSpot(), "answerOnSpot", WorkOrderLimits.ANSWER);
	}

	private static String normalizedPhone(String raw, String field) {
		try {
			return PhoneNumber.parse(raw).digits();
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldException(field, e.getMessage());
		}
	}

	private static void notNull(Object value, String field) {
		if (value == null) {
			throw new InvalidFieldException(field, field + " is required");
		}
	}

	private static String required(String value, String field, String message, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidFieldException(field, message);
		}
		return limited(value, field, max);
	}

	private static String limited(String value, String field, int max) {
		if (value != null && value.strip().length() > max) {
			throw new InvalidFieldException(field, field + " must be at most " + max + " characters");
		}
		return blankToNull(value);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
