package org.minsheng.workorder.internal;

import static org.minsheng.workorder.WorkOrderState.*;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.minsheng.platform.ConflictException;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.sla.SlaClock;
import org.minsheng.sla.SlaTerm;
import org.minsheng.identity.DepartmentId;
import org.minsheng.sla.WorkingCalendar;
import org.minsheng.workorder.Channel;
import org.minsheng.workorder.ResultType;
import org.minsheng.workorder.Satisfaction;
import org.minsheng.workorder.SlaStage;
import org.minsheng.workorder.SupervisionKind;
import org.minsheng.workorder.TimelineAction;
import org.minsheng.workorder.Urgency;
import org.minsheng.workorder.WorkOrderAction;
import org.minsheng.workorder.WorkOrderClosed;
import org.minsheng.workorder.WorkOrderDispatched;
import org.minsheng.workorder.WorkOrderNo;
import org.minsheng.workorder.WorkOrderRegistered;
import org.minsheng.workorder.WorkOrderReplied;
import org.minsheng.workorder.WorkOrderReturned;
import org.minsheng.workorder.WorkOrderState;
import org.minsheng.workorder.WorkOrderSupervised;

/**
 * The work-order aggregate: its state machine, its assignments to departments (a lead, co-handlers
 * and sub-departments below the lead) and its time limits. The state machine is the table
 * {@link #RULES}: for each action the states it may be taken from and the {@link Guard} it needs of
 * the acting department. Every command checks its rule, fails with
 * {@link ConflictException#illegalTransition} when the order does not fit, records a timeline
 * entry and the events it raises; {@link #allowed} reads the same table to say what can be done
 * now. Pure: persistence, permissions and publishing stay outside; the store restores it from
 * {@link Stored} and writes what {@link #takeChanges} hands over.
 *
 * <p>It is long because the whole lifecycle of an order (the table, its guards, thirteen commands,
 * assignments and time limits) is one consistency boundary and reads best as one; its parts
 * ({@link Assignment}, {@link StageClock}) are nested so that their fields stay private to the
 * aggregate, which makes a third of its length their read-only accessors.
 * {@code WorkOrderStateMachineTest} proves it without anything else.
 */
final class WorkOrder {

	static final String KIND = "工单";

	/** The state machine: from which states each action may be taken, and what it needs of the acting department. */
	static final Map<WorkOrderAction, Rule> RULES = rules();

	/**
	 * One line of the state machine: the states an action may be taken from and what it needs of the
	 * acting department. A refusal names the action by its label ("工单「…」当前为「已答复」，不能签收").
	 */
	record Rule(Set<WorkOrderState> from, Guard guard) {
	}

	private static Map<WorkOrderAction, Rule> rules() {
		var open = EnumSet.of(REGISTERED, PENDING_DISPATCH, RETURNED, DISPATCHED, IN_PROGRESS);
		var handling = EnumSet.of(DISPATCHED, IN_PROGRESS);
		var rules = new EnumMap<WorkOrderAction, Rule>(WorkOrderAction.class);
		rules.put(WorkOrderAction.DISPATCH, new Rule(EnumSet.of(PENDING_DISPATCH, RETURNED), Guard.NONE));
		rules.put(WorkOrderAction.REASSIGN,
				new Rule(EnumSet.of(DISPATCHED, IN_PROGRESS, RETURNED, REPLIED), Guard.NONE));
		rules.put(WorkOrderAction.MERGE, new Rule(open, Guard.NONE));
		rules.put(WorkOrderAction.WITHDRAW, new Rule(open, Guard.NONE));
		rules.put(WorkOrderAction.SIGN, new Rule(handling, Guard.SENT_NOT_SIGNED));
		rules.put(WorkOrderAction.RETURN, new Rule(handling, Guard.HOLDS_OR_CO_HANDLES));
		rules.put(WorkOrderAction.DISPATCH_BELOW, new Rule(EnumSet.of(IN_PROGRESS), Guard.HOLDS_SIGNED_LEAD));
		rules.put(WorkOrderAction.REPLY, new Rule(handling, Guard.SIGNED_TO_REPLY));
		rules.put(WorkOrderAction.REQUEST_EXTENSION,
				new Rule(handling, Guard.FIRST_LEAD_WITHOUT_PENDING_EXTENSION));
		rules.put(WorkOrderAction.DECIDE_EXTENSION, new Rule(handling, Guard.EXTENSION_PENDING));
		rules.put(WorkOrderAction.REVIEW, new Rule(EnumSet.of(REPLIED), Guard.NONE));
		rules.put(WorkOrderAction.CALLBACK, new Rule(EnumSet.of(PENDING_CALLBACK), Guard.NONE));
		rules.put(WorkOrderAction.SUPERVISE, new Rule(EnumSet.of(DISPATCHED, IN_PROGRESS, REPLIED), Guard.NONE));
		return Collections.unmodifiableMap(rules);
	}

	/**
	 * What an action needs of the acting department beyond the order's state, named as the center
	 * says it. A guard that needs the department's own open assignment ({@link #needsAssignment})
	 * refuses a department without one as not holding the order.
	 */
	enum Guard {

		/** Nothing: the person's permission is enough (the center's actions). */
		NONE(false) {
			@Override
			boolean allows(WorkOrder order, Assignment mine) {
				return true;
			}
		},
		/** 待签收: the department was sent the order and has not signed it yet. */
		SENT_NOT_SIGNED(true) {
			@Override
			boolean allows(WorkOrder order, Assignment mine) {
				return mine.state == AssignmentState.DISPATCHED
						&& (mine.role == AssignmentRole.CO || order.state == DISPATCHED);
			}
		},
		/** A co-handler may give its part back at any time; the lead only while the order is with it. */
		HOLDS_OR_CO_HANDLES(true) {
			@Override
			boolean allows(WorkOrder order, Assignment mine) {
				return mine.role == AssignmentRole.CO || order.holder().orElse(null) == mine;
			}
		},
		/** 二级派单: the lead holding the order, signed, passes it to a department below. */
		HOLDS_SIGNED_LEAD(true) {
			@Override
			boolean allows(WorkOrder order, Assignment mine) {
				return mine.role == AssignmentRole.LEAD && order.holder().orElse(null) == mine
						&& mine.state == AssignmentState.SIGNED;
			}
		},
		/** A reply (or a co-handler's opinion) comes after signing; the lead's only while it holds the order. */
		SIGNED_TO_REPLY(true) {
			@Override
			boolean allows(WorkOrder order, Assignment mine) {
				return mine.state == AssignmentState.SIGNED && (mine.role == AssignmentRole.CO
						|| order.state == IN_PROGRESS && order.holder().orElse(null) == mine);
			}
		},
		/** The first-level lead asks for more time, one request at a time, while its handling limit runs. */
		FIRST_LEAD_WITHOUT_PENDING_EXTENSION(true) {
			@Override
			boolean allows(WorkOrder order, Assignment mine) {
				return mine.role == AssignmentRole.LEAD && mine.level == 1 && order.extension == null
						&& order.running(SlaStage.HANDLE).isPresent();
			}

			@Override
			ConflictException refusal(WorkOrder order, WorkOrderAction action) {
				if (order.extension != null) return new ConflictException(KIND + "「" + order.no + "」已有待审批的延期申请");
				if (order.running(SlaStage.HANDLE).isEmpty()) {
					return new ConflictException(KIND + "「" + order.no + "」没有正在计时的办理时限，无需延期");
				}
				return super.refusal(order, action);
			}
		},
		/** The center decides a department's pending request for more time. */
		EXTENSION_PENDING(false) {
			@Override
			boolean allows(WorkOrder order, Assignment mine) {
				return order.extension != null;
			}

			@Override
			ConflictException refusal(WorkOrder order, WorkOrderAction action) {
				return new ConflictException(KIND + "「" + order.no + "」没有待审批的延期申请");
			}
		};

		private final boolean needsAssignment;

		Guard(boolean needsAssignment) {
			this.needsAssignment = needsAssignment;
		}

		boolean needsAssignment() {
			return needsAssignment;
		}

		/** Whether the action fits; {@code mine} is the acting department's open assignment (null for guards that need none). */
		abstract boolean allows(WorkOrder order, Assignment mine);

		/** Why the action does not fit: the fixed form naming the state, unless the guard can say better. */
		ConflictException refusal(WorkOrder order, WorkOrderAction action) {
			return order.illegal(action);
		}
	}

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	enum AssignmentRole {
		LEAD, CO
	}

	enum AssignmentState {
		DISPATCHED, SIGNED, REPLIED, RETURNED, CANCELLED;

		boolean active() {
			return this == DISPATCHED || this == SIGNED;
		}
	}

	enum Warning {
		NONE, YELLOW, RED
	}

	/** Who acts, for which department (none for the center's own staff and the system), and when. */
	record Act(String username, String displayName, DepartmentId departmentId, ZonedDateTime at) {
	}

	/** The calendar the clocks count on and the share of a limit after which an order is warned. */
	record Sla(WorkingCalendar calendar, double warnShare) {
	}

	/** The time limits that apply to the order. */
	record Terms(SlaTerm sign, SlaTerm handle, SlaTerm callback) {
	}

	record Entry(int seq, ZonedDateTime at, TimelineAction action, WorkOrderState from, WorkOrderState to,
			String actor, String actorName, DepartmentId actorDepartmentId, DepartmentId departmentId, String comment) {
	}

	record PendingExtension(String reason, ZonedDateTime deadline, DepartmentId departmentId) {
	}

	/**
	 * One department's part in the order: the lead, a co-handler, or a department below the lead
	 * (二级派单, one level deeper). Only the aggregate changes it; it remembers whether it changed
	 * since it was stored.
	 */
	static final class Assignment {

		private Long id;

		private final DepartmentId departmentId;

		private final Assignment parent;

		private final int level;

		private final AssignmentRole role;

		private AssignmentState state;

		private final ZonedDateTime dispatchedAt;

		private final String dispatchedBy;

		private ZonedDateTime signedAt;

		private ZonedDateTime finishedAt;

		private String opinion;

		private boolean changed;

		private Assignment(Long id, DepartmentId departmentId, Assignment parent, int level, AssignmentRole role,
				AssignmentState state, ZonedDateTime dispatchedAt, String dispatchedBy, ZonedDateTime signedAt,
				ZonedDateTime finishedAt, String opinion) {
			this.id = id;
			this.departmentId = departmentId;
			this.parent = parent;
			this.level = level;
			this.role = role;
			this.state = state;
			this.dispatchedAt = dispatchedAt;
			this.dispatchedBy = dispatchedBy;
			this.signedAt = signedAt;
			this.finishedAt = finishedAt;
			this.opinion = opinion;
		}

		/** An assignment as it was stored. */
		static Assignment restored(long id, DepartmentId departmentId, Assignment parent, int level, AssignmentRole role,
				AssignmentState state, ZonedDateTime dispatchedAt, String dispatchedBy, ZonedDateTime signedAt,
				ZonedDateTime finishedAt, String opinion) {
			return new Assignment(id, departmentId, parent, level, role, state, dispatchedAt, dispatchedBy, signedAt,
					finishedAt, opinion);
		}

		/** A new assignment, not stored yet. */
		private static Assignment dispatched(DepartmentId departmentId, Assignment parent, int level, AssignmentRole role,
				Act act) {
			var a = new Assignment(null, departmentId, parent, level, role, AssignmentState.DISPATCHED, act.at(),
					act.username(), null, null, null);
			a.changed = true;
			return a;
		}

		private void finish(AssignmentState end, ZonedDateTime at) {
			state = end;
			finishedAt = at;
			changed = true;
		}

		/** The store gave a new assignment its id. */
		void stored(long id) {
			this.id = id;
		}

		Long id() {
			return id;
		}

		DepartmentId departmentId() {
			return departmentId;
		}

		Optional<Assignment> parent() {
			return Optional.ofNullable(parent);
		}

		int level() {
			return level;
		}

		AssignmentRole role() {
			return role;
		}

		AssignmentState state() {
			return state;
		}

		ZonedDateTime dispatchedAt() {
			return dispatchedAt;
		}

		String dispatchedBy() {
			return dispatchedBy;
		}

		ZonedDateTime signedAt() {
			return signedAt;
		}

		ZonedDateTime finishedAt() {
			return finishedAt;
		}

		String opinion() {
			return opinion;
		}
	}

	/**
	 * One running or stopped time limit of the order (签收, 办理, 回访), counted on the working
	 * calendar, with the moments it warns and falls due and when the watch must look at it next.
	 */
	static final class StageClock {

		private Long id;

		private final SlaStage stage;

		private final DepartmentId departmentId;

		private SlaClock clock;

		private ZonedDateTime dueAt;

		private ZonedDateTime warnAt;

		private ZonedDateTime warnedAt;

		private ZonedDateTime overdueAt;

		private ZonedDateTime stoppedAt;

		private ZonedDateTime nextCheckAt;

		private boolean changed;

		private StageClock(Long id, SlaStage stage, DepartmentId departmentId, SlaClock clock, ZonedDateTime warnedAt,
				ZonedDateTime overdueAt, ZonedDateTime stoppedAt) {
			this.id = id;
			this.stage = stage;
			this.departmentId = departmentId;
			this.clock = clock;
			this.warnedAt = warnedAt;
			this.overdueAt = overdueAt;
			this.stoppedAt = stoppedAt;
		}

		/** A clock as it was stored, with the moments computed when it was last changed. */
		static StageClock restored(long id, SlaStage stage, DepartmentId departmentId, SlaClock clock, ZonedDateTime dueAt,
				ZonedDateTime warnAt, ZonedDateTime warnedAt, ZonedDateTime overdueAt, ZonedDateTime stoppedAt,
				ZonedDateTime nextCheckAt) {
			var c = new StageClock(id, stage, departmentId, clock, warnedAt, overdueAt, stoppedAt);
			c.dueAt = dueAt;
			c.warnAt = warnAt;
			c.nextCheckAt = nextCheckAt;
			return c;
		}

		boolean running() {
			return stoppedAt == null;
		}

		private void recompute(Sla sla) {
			dueAt = clock.deadline(sla.calendar());
			warnAt = clock.warningAt(sla.calendar(), sla.warnShare());
			nextCheckAt = stoppedAt != null || clock.paused() ? null
					: warnedAt == null ? warnAt : overdueAt == null ? dueAt : null;
			changed = true;
		}

		/** The store gave a new clock its id. */
		void stored(long id) {
			this.id = id;
		}

		Long id() {
			return id;
		}

		SlaStage stage() {
			return stage;
		}

		DepartmentId departmentId() {
			return departmentId;
		}

		SlaClock clock() {
			return clock;
		}

		ZonedDateTime dueAt() {
			return dueAt;
		}

		ZonedDateTime warnAt() {
			return warnAt;
		}

		ZonedDateTime warnedAt() {
			return warnedAt;
		}

		ZonedDateTime overdueAt() {
			return overdueAt;
		}

		ZonedDateTime stoppedAt() {
			return stoppedAt;
		}

		ZonedDateTime nextCheckAt() {
			return nextCheckAt;
		}

		/** Whether it changed since it was stored (a check recomputes its moments even when nothing fell due). */
		boolean changed() {
			return changed;
		}
	}

	/**
	 * The order's own row as it was stored: what {@link #restore} needs beside its assignments and
	 * clocks. {@code lastSeq} is the number of its last timeline entry.
	 */
	record Stored(long id, WorkOrderNo no, WorkOrderState state, DepartmentId leadDepartmentId, Long masterId,
			int redoCount, int reopenCount, ResultType resultType, String reply, Satisfaction satisfaction,
			boolean supervised, PendingExtension extension, boolean callbackPossible, ZonedDateTime closedAt, int version,
			int lastSeq) {
	}

	/**
	 * What the commands changed since the changes were last taken, for the store to write: new and
	 * changed assignments and clocks (new ones have no id yet) and the new timeline entries.
	 */
	record Changes(List<Assignment> assignments, List<StageClock> clocks, List<Entry> entries) {

		boolean none() {
			return assignments.isEmpty() && clocks.isEmpty() && entries.isEmpty();
		}
	}

	/** Given by the repository when a new order is first stored; 0 until then. */
	private long id;

	private final WorkOrderNo no;

	private WorkOrderState state;

	private DepartmentId leadDepartmentId;

	private Long masterId;

	private int redoCount;

	private int reopenCount;

	private ResultType resultType;

	private String reply;

	private Satisfaction satisfaction;

	private boolean supervised;

	private PendingExtension extension;

	private final boolean callbackPossible;

	private ZonedDateTime closedAt;

	private final int version;

	private final List<Assignment> assignments;

	private final List<StageClock> clocks;

	private final List<Entry> newEntries = new ArrayList<>();

	/** The events the commands raised, to be published once the order is stored. */
	private final List<Object> raised = new ArrayList<>();

	private int nextSeq;

	private WorkOrder(Stored s, List<Assignment> assignments, List<StageClock> clocks) {
		this.id = s.id();
		this.no = s.no();
		this.state = s.state();
		this.leadDepartmentId = s.leadDepartmentId();
		this.masterId = s.masterId();
		this.redoCount = s.redoCount();
		this.reopenCount = s.reopenCount();
		this.resultType = s.resultType();
		this.reply = s.reply();
		this.satisfaction = s.satisfaction();
		this.supervised = s.supervised();
		this.extension = s.extension();
		this.callbackPossible = s.callbackPossible();
		this.closedAt = s.closedAt();
		this.version = s.version();
		this.assignments = new ArrayList<>(assignments);
		this.clocks = new ArrayList<>(clocks);
		this.nextSeq = s.lastSeq() + 1;
	}

	/** An order as it was stored, with its assignments (parents before children) and its clocks. */
	static WorkOrder restore(Stored stored, List<Assignment> assignments, List<StageClock> clocks) {
		return new WorkOrder(stored, assignments, clocks);
	}

	/** What the registration event tells of a new order beside its number. */
	record Registration(Long categoryId, String divisionCode, Channel channel, Urgency urgency) {
	}

	/** A new order, not stored yet: waiting for dispatch, or closed at once when the agent answered on the spot. */
	static WorkOrder register(WorkOrderNo no, Registration registration, boolean callbackPossible, String answerOnSpot,
			Act act) {
		var order = new WorkOrder(new Stored(0, no, REGISTERED, null, null, 0, 0, null, null, null, false, null,
				callbackPossible, null, 0, 0), List.of(), List.of());
		if (answerOnSpot != null) {
			order.record(act, TimelineAction.REGISTERED, null, REGISTERED, null, null);
			order.reply = answerOnSpot;
			order.move(act, TimelineAction.CLOSED_ON_SPOT, CLOSED, null, answerOnSpot);
			order.closedAt = act.at();
		}
		else {
			order.state = PENDING_DISPATCH;
			order.record(act, TimelineAction.REGISTERED, null, PENDING_DISPATCH, null, null);
		}
		order.raise(new WorkOrderRegistered(no, registration.categoryId(), registration.divisionCode(),
				registration.channel(), registration.urgency(), answerOnSpot != null, act.at().toOffsetDateTime()));
		if (answerOnSpot != null) {
			order.raise(new WorkOrderClosed(no, CLOSED, null, act.at().toOffsetDateTime()));
		}
		return order;
	}

	// ---- what can be done now ------------------------------------------------------------------

	/**
	 * The actions the state machine allows now to a person of the given department (null for none),
	 * permissions aside: the center's actions by the order's state, a department's by its own
	 * assignment as well.
	 */
	Set<WorkOrderAction> allowed(DepartmentId department) {
		var mine = department == null ? null : openAssignmentOf(department).orElse(null);
		var out = EnumSet.noneOf(WorkOrderAction.class);
		RULES.forEach((action, rule) -> {
			if (rule.from().contains(state) && (!rule.guard().needsAssignment() || mine != null)
					&& rule.guard().allows(this, mine)) {
				out.add(action);
			}
		});
		return out;
	}

	/** The events raised since they were last taken, in order; taking them empties the list. */
	List<Object> takeRaised() {
		var out = List.copyOf(raised);
		raised.clear();
		return out;
	}

	private void raise(Object event) {
		raised.add(event);
	}

	/**
	 * What changed since the changes were last taken; taking them starts afresh. The store writes
	 * them and gives new assignments and clocks their ids.
	 */
	Changes takeChanges() {
		var changedAssignments = assignments.stream().filter(a -> a.changed).toList();
		var changedClocks = clocks.stream().filter(c -> c.changed).toList();
		changedAssignments.forEach(a -> a.changed = false);
		changedClocks.forEach(c -> c.changed = false);
		var entries = List.copyOf(newEntries);
		newEntries.clear();
		return new Changes(changedAssignments, changedClocks, entries);
	}

	/** The store gave the new order its id. */
	void stored(long id) {
		this.id = id;
	}

	/** The number of the last timeline entry, recorded or stored. */
	int lastSeq() {
		return nextSeq - 1;
	}

	// ---- what it is ----------------------------------------------------------------------------

	long id() {
		return id;
	}

	WorkOrderNo no() {
		return no;
	}

	WorkOrderState state() {
		return state;
	}

	Optional<DepartmentId> leadDepartment() {
		return Optional.ofNullable(leadDepartmentId);
	}

	/** The order this one was merged into (its id), if it was. */
	Optional<Long> masterId() {
		return Optional.ofNullable(masterId);
	}

	int redoCount() {
		return redoCount;
	}

	int reopenCount() {
		return reopenCount;
	}

	ResultType resultType() {
		return resultType;
	}

	/** The lead department's reply, or the answer given on the spot. */
	String replyText() {
		return reply;
	}

	Satisfaction satisfaction() {
		return satisfaction;
	}

	boolean supervised() {
		return supervised;
	}

	Optional<PendingExtension> extension() {
		return Optional.ofNullable(extension);
	}

	boolean callbackPossible() {
		return callbackPossible;
	}

	ZonedDateTime closedAt() {
		return closedAt;
	}

	int version() {
		return version;
	}

	List<Assignment> assignments() {
		return Collections.unmodifiableList(assignments);
	}

	List<StageClock> clocks() {
		return Collections.unmodifiableList(clocks);
	}

	// ---- dispatch ------------------------------------------------------------------------------

	void dispatch(DepartmentId lead, List<DepartmentId> coHandlers, String comment, boolean automatic, Terms terms, Sla sla,
			Act act) {
		expect(WorkOrderAction.DISPATCH, act);
		assignLead(lead, coHandlers, terms, sla, act);
		move(act, automatic ? TimelineAction.AUTO_DISPATCHED : TimelineAction.DISPATCHED, DISPATCHED, lead, comment);
		recordCoHandlers(act, coHandlers);
		raise(new WorkOrderDispatched(no, lead, distinct(coHandlers), automatic, false,
				act.at().toOffsetDateTime()));
	}

	void reassign(DepartmentId lead, List<DepartmentId> coHandlers, String reason, Terms terms, Sla sla, Act act) {
		expect(WorkOrderAction.REASSIGN, act);
		cancelAssignments(act.at());
		stopClocks(act.at(), SlaStage.SIGN, SlaStage.HANDLE);
		dropExtension();
		assignLead(lead, coHandlers, terms, sla, act);
		move(act, TimelineAction.REASSIGNED, DISPATCHED, lead, reason);
		recordCoHandlers(act, coHandlers);
		raise(new WorkOrderDispatched(no, lead, distinct(coHandlers), false, true,
				act.at().toOffsetDateTime()));
	}

	void sign(Act act) {
		var mine = expect(WorkOrderAction.SIGN, act);
		mine.state = AssignmentState.SIGNED;
		mine.signedAt = act.at();
		mine.changed = true;
		if (mine.role == AssignmentRole.CO) {
			record(act, TimelineAction.CO_SIGNED, state, state, mine.departmentId, null);
			return;
		}
		if (mine.level == 1) {
			stopClocks(act.at(), SlaStage.SIGN);
		}
		move(act, mine.level == 1 ? TimelineAction.SIGNED : TimelineAction.SUB_SIGNED, IN_PROGRESS,
				mine.departmentId, null);
	}

	void returnToSender(String reason, Sla sla, Act act) {
		var mine = expect(WorkOrderAction.RETURN, act);
		if (mine.role == AssignmentRole.CO) {
			mine.finish(AssignmentState.RETURNED, act.at());
			mine.opinion = reason;
			record(act, TimelineAction.CO_RETURNED, state, state, mine.departmentId, reason);
			return;
		}
		mine.finish(AssignmentState.RETURNED, act.at());
		mine.opinion = reason;
		if (mine.level == 1) {
			cancelAssignments(act.at());
			stopClocks(act.at(), SlaStage.SIGN, SlaStage.HANDLE);
			dropExtension();
			move(act, TimelineAction.RETURNED, RETURNED, mine.departmentId, reason);
			raise(new WorkOrderReturned(no, mine.departmentId, reason, act.at().toOffsetDateTime()));
		}
		else {
			move(act, TimelineAction.SUB_RETURNED, IN_PROGRESS, mine.departmentId, reason);
		}
	}

	/** The holding department passes the order on to a department below it (二级派单). */
	void dispatchBelow(DepartmentId target, String comment, Act act) {
		var mine = expect(WorkOrderAction.DISPATCH_BELOW, act);
		if (assignments.stream().anyMatch(a -> a.state.active() && a.departmentId.equals(target))) {
			throw new InvalidFieldException("departmentId", "部门 " + target + " 已在办理" + KIND + "「" + no + "」");
		}
		assignments.add(Assignment.dispatched(target, mine, mine.level + 1, AssignmentRole.LEAD, act));
		move(act, TimelineAction.SUB_DISPATCHED, DISPATCHED, target, comment);
		raise(new WorkOrderDispatched(no, target, List.of(), false, false, act.at().toOffsetDateTime()));
	}

	// ---- handling ------------------------------------------------------------------------------

	/** The handling department's reply with its result, or a co-handler's opinion (which has none). */
	void reply(ResultType result, String text, Act act) {
		var mine = expect(WorkOrderAction.REPLY, act);
		if (mine.role == AssignmentRole.LEAD && result == null) {
			throw new InvalidFieldException("resultType", "请选择办理结果");
		}
		if (mine.role == AssignmentRole.CO) {
			mine.opinion = text;
			mine.finish(AssignmentState.REPLIED, act.at());
			record(act, TimelineAction.CO_REPLIED, state, state, mine.departmentId, text);
			return;
		}
		mine.opinion = text;
		mine.finish(AssignmentState.REPLIED, act.at());
		if (mine.level > 1) {
			record(act, TimelineAction.SUB_REPLIED, state, state, mine.departmentId,
					"【" + result.label() + "】" + text);
			return;
		}
		cancelAssignments(act.at());
		stopClocks(act.at(), SlaStage.SIGN, SlaStage.HANDLE);
		dropExtension();
		resultType = result;
		reply = text;
		move(act, TimelineAction.REPLIED, REPLIED, mine.departmentId, "【" + result.label() + "】" + text);
		raise(new WorkOrderReplied(no, mine.departmentId, result, act.at().toOffsetDateTime()));
	}

	/** The center's review of a reply: approve, or send back for redoing (重办). */
	void review(boolean approve, String comment, Terms terms, Sla sla, Act act) {
		expect(WorkOrderAction.REVIEW, act);
		if (approve) {
			if (callbackPossible) {
				move(act, TimelineAction.REVIEW_APPROVED, PENDING_CALLBACK, null, comment);
				startClock(SlaStage.CALLBACK, null, terms.callback(), sla, act.at());
			}
			else {
				record(act, TimelineAction.REVIEW_APPROVED, state, state, null, comment);
				close(act, "无回访号码，审核后办结");
			}
			return;
		}
		if (comment == null || comment.isBlank()) {
			throw new InvalidFieldException("comment", "退回答复须说明原因");
		}
		redoCount++;
		redo(TimelineAction.SENT_BACK, comment, terms, sla, act);
	}

	/** The callback result; a dissatisfied caller reopens the order up to {@code maxReopens} times. */
	void callback(Satisfaction verdict, String note, int maxReopens, Terms terms, Sla sla, Act act) {
		expect(WorkOrderAction.CALLBACK, act);
		stopClocks(act.at(), SlaStage.CALLBACK);
		satisfaction = verdict;
		record(act, TimelineAction.CALLED_BACK, state, state, null,
				"【" + verdict.label() + "】" + (note == null ? "" : note));
		if (verdict == Satisfaction.DISSATISFIED && reopenCount < maxReopens) {
			reopenCount++;
			redo(TimelineAction.REOPENED, note, terms, sla, act);
			return;
		}
		close(act, null);
	}

	private void close(Act act, String comment) {
		move(act, TimelineAction.CLOSED, CLOSED, null, comment);
		closedAt = act.at();
		raise(new WorkOrderClosed(no, CLOSED, satisfaction, act.at().toOffsetDateTime()));
	}

	// ---- extension, supervision ----------------------------------------------------------------

	void requestExtension(String reason, ZonedDateTime deadline, Sla sla, Act act) {
		var mine = expect(WorkOrderAction.REQUEST_EXTENSION, act);
		var handle = running(SlaStage.HANDLE).orElseThrow();
		if (!deadline.isAfter(handle.dueAt)) {
			throw new InvalidFieldException("deadline",
					"延期后的时限须晚于当前时限（" + MINUTE.format(handle.dueAt) + "）");
		}
		extension = new PendingExtension(reason, deadline, mine.departmentId);
		handle.clock = handle.clock.pause(act.at());
		handle.recompute(sla);
		record(act, TimelineAction.EXTENSION_REQUESTED, state, state, mine.departmentId,
				"申请延期至 " + MINUTE.format(deadline) + "：" + reason);
	}

	void decideExtension(boolean approve, String comment, Sla sla, Act act) {
		expect(WorkOrderAction.DECIDE_EXTENSION, act);
		var handle = running(SlaStage.HANDLE).orElseThrow();
		handle.clock = handle.clock.resume(act.at(), sla.calendar());
		var requested = extension;
		extension = null;
		if (approve) {
			handle.clock = handle.clock.extendTo(requested.deadline(), sla.calendar());
			handle.recompute(sla);
			if (act.at().isBefore(handle.warnAt)) {
				handle.warnedAt = null;
			}
			if (act.at().isBefore(handle.dueAt)) {
				handle.overdueAt = null;
			}
			handle.recompute(sla);
			record(act, TimelineAction.EXTENSION_APPROVED, state, state, requested.departmentId(),
					"办理期限延至 " + MINUTE.format(requested.deadline()) + (comment == null ? "" : "：" + comment));
		}
		else {
			handle.recompute(sla);
			record(act, TimelineAction.EXTENSION_REFUSED, state, state, requested.departmentId(), comment);
		}
	}

	void supervise(SupervisionKind kind, String note, Act act) {
		expect(WorkOrderAction.SUPERVISE, act);
		supervised = true;
		var action = switch (kind) {
			case FLAG -> TimelineAction.SUPERVISED;
			case REMIND -> TimelineAction.REMINDED;
			case ESCALATE -> TimelineAction.ESCALATED;
		};
		var department = holderDepartment().orElse(leadDepartmentId);
		record(act, action, state, state, department, note);
		raise(new WorkOrderSupervised(no, department, kind, note,
				act.at().toOffsetDateTime()));
	}

	// ---- merge, withdraw -----------------------------------------------------------------------

	void mergeInto(WorkOrder master, Act act) {
		expect(WorkOrderAction.MERGE, act);
		if (master.id == id) {
			throw new InvalidFieldException("masterNo", "工单不能并入自身");
		}
		if (!master.state.open() || master.state == REGISTERED) {
			throw ConflictException.illegalTransition("并入其他工单", KIND, master.no, master.state.label());
		}
		end(act);
		masterId = master.id;
		move(act, TimelineAction.MERGED, MERGED, null, "并入 " + master.no);
		master.record(act, TimelineAction.MERGED_IN, master.state, master.state, null, "并入来单 " + no);
		raise(new WorkOrderClosed(no, MERGED, null, act.at().toOffsetDateTime()));
	}

	void withdraw(String reason, Act act) {
		expect(WorkOrderAction.WITHDRAW, act);
		end(act);
		move(act, TimelineAction.WITHDRAWN, WITHDRAWN, null, reason);
		closedAt = act.at();
		raise(new WorkOrderClosed(no, WITHDRAWN, null, act.at().toOffsetDateTime()));
	}

	// ---- deadlines -----------------------------------------------------------------------------

	/** Marks a clock warned or overdue when its moment has come; the stage, or empty when nothing is due. */
	Optional<StageClock> checkClock(long clockId, Sla sla, Act act) {
		var clock = clocks.stream().filter(c -> Objects.equals(c.id, clockId) && c.running()).findFirst();
		if (clock.isEmpty() || clock.get().clock.paused()) {
			return Optional.empty();
		}
		var c = clock.get();
		var changed = false;
		if (c.warnedAt == null && !act.at().isBefore(c.warnAt)) {
			c.warnedAt = act.at();
			record(act, TimelineAction.WARNED, state, state, c.departmentId,
					c.stage.label() + "已用" + Math.round(sla.warnShare() * 100) + "%，将于 " + MINUTE.format(c.dueAt)
							+ " 到期");
			changed = true;
		}
		if (c.overdueAt == null && !act.at().isBefore(c.dueAt)) {
			c.overdueAt = act.at();
			c.warnedAt = c.warnedAt == null ? act.at() : c.warnedAt;
			record(act, TimelineAction.OVERDUE, state, state, c.departmentId,
					c.stage.label() + "已于 " + MINUTE.format(c.dueAt) + " 到期");
			changed = true;
		}
		c.recompute(sla);
		return changed ? Optional.of(c) : Optional.empty();
	}

	// ---- derived -------------------------------------------------------------------------------

	/** The department that must act now: the deepest active lead assignment. */
	Optional<Assignment> holder() {
		return assignments.stream()
			.filter(a -> a.role == AssignmentRole.LEAD && a.state.active())
			.max(Comparator.comparingInt(a -> a.level));
	}

	Optional<DepartmentId> holderDepartment() {
		return holder().map(a -> a.departmentId);
	}

	Optional<StageClock> running(SlaStage stage) {
		return clocks.stream().filter(c -> c.stage == stage && c.running()).findFirst();
	}

	/** The earliest deadline among the running limits. */
	ZonedDateTime dueAt() {
		return clocks.stream()
			.filter(StageClock::running)
			.map(c -> c.dueAt)
			.min(Comparator.naturalOrder())
			.orElse(null);
	}

	Warning warning() {
		var running = clocks.stream().filter(StageClock::running).toList();
		if (running.stream().anyMatch(c -> c.overdueAt != null)) {
			return Warning.RED;
		}
		return running.stream().anyMatch(c -> c.warnedAt != null) ? Warning.YELLOW : Warning.NONE;
	}

	// ---- helpers -------------------------------------------------------------------------------

	private void assignLead(DepartmentId lead, List<DepartmentId> coHandlers, Terms terms, Sla sla, Act act) {
		var co = new LinkedHashSet<>(coHandlers == null ? List.of() : coHandlers);
		if (co.contains(lead)) {
			throw new InvalidFieldException("coDepartmentIds", "主办部门不能同时作为协办部门");
		}
		leadDepartmentId = lead;
		assignments.add(Assignment.dispatched(lead, null, 1, AssignmentRole.LEAD, act));
		for (var department : co) {
			assignments.add(Assignment.dispatched(department, null, 1, AssignmentRole.CO, act));
		}
		startClock(SlaStage.SIGN, lead, terms.sign(), sla, act.at());
		startClock(SlaStage.HANDLE, lead, terms.handle(), sla, act.at());
	}

	private void recordCoHandlers(Act act, List<DepartmentId> coHandlers) {
		if (coHandlers != null) {
			for (var co : new LinkedHashSet<>(coHandlers)) {
				record(act, TimelineAction.DISPATCHED, state, state, co, "协办");
			}
		}
	}

	/** Back to the lead department with fresh limits (重办). */
	private void redo(TimelineAction action, String comment, Terms terms, Sla sla, Act act) {
		cancelAssignments(act.at());
		var lead = Objects.requireNonNull(leadDepartmentId, "an order being redone has a lead department");
		resultType = null;
		assignLead(lead, List.of(), terms, sla, act);
		move(act, action, DISPATCHED, lead, comment);
	}

	private void end(Act act) {
		cancelAssignments(act.at());
		stopClocks(act.at(), SlaStage.values());
		dropExtension();
	}

	private void dropExtension() {
		extension = null;
	}

	private void cancelAssignments(ZonedDateTime at) {
		for (var a : assignments) {
			if (a.state.active()) {
				a.finish(AssignmentState.CANCELLED, at);
			}
		}
	}

	private void startClock(SlaStage stage, DepartmentId department, SlaTerm term, Sla sla, ZonedDateTime at) {
		running(stage).ifPresent(c -> stop(c, at));
		var clock = new StageClock(null, stage, department, SlaClock.start(at, term, sla.calendar()), null, null, null);
		clock.recompute(sla);
		clocks.add(clock);
	}

	private void stopClocks(ZonedDateTime at, SlaStage... stages) {
		var which = Arrays.asList(stages);
		for (var c : clocks) {
			if (c.running() && which.contains(c.stage)) {
				stop(c, at);
			}
		}
	}

	private static void stop(StageClock c, ZonedDateTime at) {
		c.stoppedAt = at;
		c.nextCheckAt = null;
		c.changed = true;
	}

	/** The department's deepest open assignment of the order. */
	private Optional<Assignment> openAssignmentOf(DepartmentId department) {
		return assignments.stream()
			.filter(a -> a.state.active() && Objects.equals(a.departmentId, department))
			.max(Comparator.comparingInt(a -> a.level));
	}

	/**
	 * Checks the action's line of {@link #RULES} against the order and the acting department, and
	 * answers the department's open assignment when the rule needs one (null otherwise).
	 */
	private Assignment expect(WorkOrderAction action, Act act) {
		var rule = RULES.get(action);
		Assignment mine = null;
		if (rule.guard().needsAssignment()) {
			mine = openAssignmentOf(act.departmentId())
				.orElseThrow(() -> new NotHoldingException(action, no, act.departmentId()));
		}
		if (!rule.from().contains(state)) {
			throw illegal(action);
		}
		if (!rule.guard().allows(this, mine)) {
			throw rule.guard().refusal(this, action);
		}
		return mine;
	}

	private static List<DepartmentId> distinct(List<DepartmentId> ids) {
		return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
	}

	private ConflictException illegal(WorkOrderAction action) {
		return ConflictException.illegalTransition(action.label(), KIND, no, state.label());
	}

	private void move(Act act, TimelineAction action, WorkOrderState to, DepartmentId department, String comment) {
		var from = state;
		state = to;
		record(act, action, from, to, department, comment);
	}

	private void record(Act act, TimelineAction action, WorkOrderState from, WorkOrderState to, DepartmentId department,
			String comment) {
		newEntries.add(new Entry(nextSeq++, act.at(), action, from, to, act.username(), act.displayName(),
				act.departmentId(), department, comment));
	}

	/** The acting department holds no open assignment of the order. */
	static final class NotHoldingException extends ConflictException {

		NotHoldingException(WorkOrderAction action, WorkOrderNo no, DepartmentId department) {
			super("部门 " + department + " 不能" + action.label() + KIND + "「" + no + "」：本部门没有这张工单的在办任务");
		}
	}
}
