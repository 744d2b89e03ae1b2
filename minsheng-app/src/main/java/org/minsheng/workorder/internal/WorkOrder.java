package org.minsheng.workorder.internal;

import static org.minsheng.workorder.WorkOrderState.*;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.minsheng.platform.ConflictException;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.sla.SlaClock;
import org.minsheng.sla.SlaTerm;
import org.minsheng.sla.WorkingCalendar;
import org.minsheng.workorder.ResultType;
import org.minsheng.workorder.Satisfaction;
import org.minsheng.workorder.SlaStage;
import org.minsheng.workorder.SupervisionKind;
import org.minsheng.workorder.TimelineAction;
import org.minsheng.workorder.WorkOrderNo;
import org.minsheng.workorder.WorkOrderState;

/**
 * The work-order aggregate: its state machine, its assignments to departments (a lead, co-handlers
 * and sub-departments below the lead) and its time limits. Every transition checks the current
 * state, fails with {@link ConflictException#illegalTransition} when it does not fit, and records a
 * timeline entry. Pure: persistence, permissions and events stay outside.
 */
final class WorkOrder {

	static final String KIND = "work order";

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

	/** Who acts, for which department, and when. */
	record Act(String username, String displayName, Long departmentId, ZonedDateTime at) {
	}

	/** The calendar the clocks count on and the share of a limit after which an order is warned. */
	record Sla(WorkingCalendar calendar, double warnShare) {
	}

	/** The time limits that apply to the order. */
	record Terms(SlaTerm sign, SlaTerm handle, SlaTerm callback) {
	}

	record Entry(int seq, ZonedDateTime at, TimelineAction action, WorkOrderState from, WorkOrderState to,
			String actor, String actorName, Long actorDepartmentId, Long departmentId, String comment) {
	}

	record PendingExtension(String reason, ZonedDateTime deadline, long departmentId) {
	}

	static final class Assignment {

		Long id;

		final long departmentId;

		final Assignment parent;

		final int level;

		final AssignmentRole role;

		AssignmentState state;

		final ZonedDateTime dispatchedAt;

		final String dispatchedBy;

		ZonedDateTime signedAt;

		ZonedDateTime finishedAt;

		String opinion;

		boolean dirty;

		Assignment(Long id, long departmentId, Assignment parent, int level, AssignmentRole role,
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

		void finish(AssignmentState end, ZonedDateTime at) {
			state = end;
			finishedAt = at;
			dirty = true;
		}
	}

	static final class StageClock {

		Long id;

		final SlaStage stage;

		final Long departmentId;

		SlaClock clock;

		ZonedDateTime dueAt;

		ZonedDateTime warnAt;

		ZonedDateTime warnedAt;

		ZonedDateTime overdueAt;

		ZonedDateTime stoppedAt;

		ZonedDateTime nextCheckAt;

		boolean dirty;

		StageClock(Long id, SlaStage stage, Long departmentId, SlaClock clock, ZonedDateTime warnedAt,
				ZonedDateTime overdueAt, ZonedDateTime stoppedAt) {
			this.id = id;
			this.stage = stage;
			this.departmentId = departmentId;
			this.clock = clock;
			this.warnedAt = warnedAt;
			this.overdueAt = overdueAt;
			this.stoppedAt = stoppedAt;
		}

		boolean running() {
			return stoppedAt == null;
		}

		void recompute(Sla sla) {
			dueAt = clock.deadline(sla.calendar());
			warnAt = clock.warningAt(sla.calendar(), sla.warnShare());
			nextCheckAt = stoppedAt != null || clock.paused() ? null
					: warnedAt == null ? warnAt : overdueAt == null ? dueAt : null;
			dirty = true;
		}
	}

	/** Given by the repository when a new order is first stored; 0 until then. */
	long id;

	final WorkOrderNo no;

	WorkOrderState state;

	Long leadDepartmentId;

	Long masterId;

	int redoCount;

	int reopenCount;

	ResultType resultType;

	String reply;

	Satisfaction satisfaction;

	boolean supervised;

	PendingExtension extension;

	final boolean callbackPossible;

	ZonedDateTime closedAt;

	final int version;

	final List<Assignment> assignments;

	final List<StageClock> clocks;

	final List<Entry> newEntries = new ArrayList<>();

	private int nextSeq;

	WorkOrder(long id, WorkOrderNo no, WorkOrderState state, Long leadDepartmentId, Long masterId, int redoCount,
			int reopenCount, ResultType resultType, String reply, Satisfaction satisfaction, boolean supervised,
			PendingExtension extension, boolean callbackPossible, ZonedDateTime closedAt, int version,
			List<Assignment> assignments, List<StageClock> clocks, int lastSeq) {
		this.id = id;
		this.no = no;
		this.state = state;
		this.leadDepartmentId = leadDepartmentId;
		this.masterId = masterId;
		this.redoCount = redoCount;
		this.reopenCount = reopenCount;
		this.resultType = resultType;
		this.reply = reply;
		this.satisfaction = satisfaction;
		this.supervised = supervised;
		this.extension = extension;
		this.callbackPossible = callbackPossible;
		this.closedAt = closedAt;
		this.version = version;
		this.assignments = new ArrayList<>(assignments);
		this.clocks = new ArrayList<>(clocks);
		this.nextSeq = lastSeq + 1;
	}

	/** A new order, not stored yet: waiting for dispatch, or closed at once when the agent answered on the spot. */
	static WorkOrder register(WorkOrderNo no, boolean callbackPossible, String answerOnSpot, Act act) {
		var order = new WorkOrder(0, no, REGISTERED, null, null, 0, 0, null, null, null, false, null,
				callbackPossible, null, 0, List.of(), List.of(), 0);
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
		return order;
	}

	// ---- dispatch ------------------------------------------------------------------------------

	void dispatch(long lead, List<Long> coHandlers, String comment, boolean automatic, Terms terms, Sla sla,
			Act act) {
		expect("dispatch", PENDING_DISPATCH, RETURNED);
		assignLead(lead, coHandlers, terms, sla, act);
		move(act, automatic ? TimelineAction.AUTO_DISPATCHED : TimelineAction.DISPATCHED, DISPATCHED, lead, comment);
		recordCoHandlers(act, coHandlers);
	}

	void reassign(long lead, List<Long> coHandlers, String reason, Terms terms, Sla sla, Act act) {
		expect("reassign", DISPATCHED, IN_PROGRESS, RETURNED, REPLIED);
		cancelAssignments(act.at());
		stopClocks(act.at(), SlaStage.SIGN, SlaStage.HANDLE);
		dropExtension();
		assignLead(lead, coHandlers, terms, sla, act);
		move(act, TimelineAction.REASSIGNED, DISPATCHED, lead, reason);
		recordCoHandlers(act, coHandlers);
	}

	void sign(Act act) {
		var mine = ownAssignment("sign", act);
		if (mine.state != AssignmentState.DISPATCHED) {
			throw illegal("sign");
		}
		mine.state = AssignmentState.SIGNED;
		mine.signedAt = act.at();
		mine.dirty = true;
		if (mine.role == AssignmentRole.CO) {
			record(act, TimelineAction.CO_SIGNED, state, state, mine.departmentId, null);
			return;
		}
		expect("sign", DISPATCHED);
		if (mine.level == 1) {
			stopClocks(act.at(), SlaStage.SIGN);
		}
		move(act, mine.level == 1 ? TimelineAction.SIGNED : TimelineAction.SUB_SIGNED, IN_PROGRESS,
				mine.departmentId, null);
	}

	void returnToSender(String reason, Sla sla, Act act) {
		var mine = ownAssignment("return", act);
		if (mine.role == AssignmentRole.CO) {
			mine.finish(AssignmentState.RETURNED, act.at());
			mine.opinion = reason;
			record(act, TimelineAction.CO_RETURNED, state, state, mine.departmentId, reason);
			return;
		}
		expect("return", DISPATCHED, IN_PROGRESS);
		if (holder().orElseThrow() != mine) {
			throw illegal("return");
		}
		mine.finish(AssignmentState.RETURNED, act.at());
		mine.opinion = reason;
		if (mine.level == 1) {
			cancelAssignments(act.at());
			stopClocks(act.at(), SlaStage.SIGN, SlaStage.HANDLE);
			dropExtension();
			move(act, TimelineAction.RETURNED, RETURNED, mine.departmentId, reason);
		}
		else {
			move(act, TimelineAction.SUB_RETURNED, IN_PROGRESS, mine.departmentId, reason);
		}
	}

	/** The holding department passes the order on to a department below it (二级派单). */
	void dispatchBelow(long target, String comment, Act act) {
		var mine = ownAssignment("dispatch on", act);
		expect("dispatch on", IN_PROGRESS);
		if (mine.role != AssignmentRole.LEAD || holder().orElseThrow() != mine
				|| mine.state != AssignmentState.SIGNED) {
			throw illegal("dispatch on");
		}
		if (assignments.stream().anyMatch(a -> a.state.active() && a.departmentId == target)) {
			throw new InvalidFieldException("departmentId", "Department " + target + " already holds " + no);
		}
		var below = new Assignment(null, target, mine, mine.level + 1, AssignmentRole.LEAD,
				AssignmentState.DISPATCHED, act.at(), act.username(), null, null, null);
		below.dirty = true;
		assignments.add(below);
		move(act, TimelineAction.SUB_DISPATCHED, DISPATCHED, target, comment);
	}

	// ---- handling ------------------------------------------------------------------------------

	void reply(ResultType result, String text, Act act) {
		var mine = ownAssignment("reply to", act);
		if (mine.role == AssignmentRole.CO) {
			if (mine.state != AssignmentState.SIGNED) {
				throw illegal("give a co-handling opinion on");
			}
			mine.opinion = text;
			mine.finish(AssignmentState.REPLIED, act.at());
			record(act, TimelineAction.CO_REPLIED, state, state, mine.departmentId, text);
			return;
		}
		expect("reply to", IN_PROGRESS);
		if (holder().orElseThrow() != mine || mine.state != AssignmentState.SIGNED) {
			throw illegal("reply to");
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
	}

	/** The center's review of a reply: approve, or send back for redoing (重办). */
	void review(boolean approve, String comment, Terms terms, Sla sla, Act act) {
		expect("review", REPLIED);
		if (approve) {
			if (callbackPossible) {
				move(act, TimelineAction.REVIEW_APPROVED, PENDING_CALLBACK, null, comment);
				startClock(SlaStage.CALLBACK, null, terms.callback(), sla, act.at());
			}
			else {
				record(act, TimelineAction.REVIEW_APPROVED, state, state, null, comment);
				move(act, TimelineAction.CLOSED, CLOSED, null, "无回访号码，审核后办结");
				closedAt = act.at();
			}
			return;
		}
		if (comment == null || comment.isBlank()) {
			throw new InvalidFieldException("comment", "A reason is required to send a reply back");
		}
		redoCount++;
		redo(TimelineAction.SENT_BACK, comment, terms, sla, act);
	}

	/** The callback result; a dissatisfied caller reopens the order up to {@code maxReopens} times. */
	void callback(Satisfaction verdict, String note, int maxReopens, Terms terms, Sla sla, Act act) {
		expect("call back", PENDING_CALLBACK);
		stopClocks(act.at(), SlaStage.CALLBACK);
		satisfaction = verdict;
		record(act, TimelineAction.CALLED_BACK, state, state, null,
				"【" + verdict.label() + "】" + (note == null ? "" : note));
		if (verdict == Satisfaction.DISSATISFIED && reopenCount < maxReopens) {
			reopenCount++;
			redo(TimelineAction.REOPENED, note, terms, sla, act);
			return;
		}
		move(act, TimelineAction.CLOSED, CLOSED, null, null);
		closedAt = act.at();
	}

	// ---- extension, supervision ----------------------------------------------------------------

	void requestExtension(String reason, ZonedDateTime deadline, Sla sla, Act act) {
		var mine = ownAssignment("request an extension for", act);
		expect("request an extension for", DISPATCHED, IN_PROGRESS);
		if (mine.role != AssignmentRole.LEAD || mine.level != 1) {
			throw illegal("request an extension for");
		}
		if (extension != null) {
			throw new ConflictException("An extension of work order '" + no + "' is already pending");
		}
		var handle = running(SlaStage.HANDLE)
			.orElseThrow(() -> new ConflictException("Work order '" + no + "' has no running handling limit"));
		if (!deadline.isAfter(handle.dueAt)) {
			throw new InvalidFieldException("deadline",
					"The new deadline must be after the current one (" + MINUTE.format(handle.dueAt) + ")");
		}
		extension = new PendingExtension(reason, deadline, mine.departmentId);
		handle.clock = handle.clock.pause(act.at());
		handle.recompute(sla);
		record(act, TimelineAction.EXTENSION_REQUESTED, state, state, mine.departmentId,
				"申请延期至 " + MINUTE.format(deadline) + "：" + reason);
	}

	void decideExtension(boolean approve, String comment, Sla sla, Act act) {
		if (extension == null) {
			throw new ConflictException("No extension of work order '" + no + "' is pending");
		}
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
		expect("supervise", DISPATCHED, IN_PROGRESS, REPLIED);
		supervised = true;
		var action = switch (kind) {
			case FLAG -> TimelineAction.SUPERVISED;
			case REMIND -> TimelineAction.REMINDED;
			case ESCALATE -> TimelineAction.ESCALATED;
		};
		record(act, action, state, state, holderDepartment().orElse(leadDepartmentId), note);
	}

	// ---- merge, withdraw -----------------------------------------------------------------------

	void mergeInto(WorkOrder master, Act act) {
		expect("merge", REGISTERED, PENDING_DISPATCH, RETURNED, DISPATCHED, IN_PROGRESS);
		if (master.id == id) {
			throw new InvalidFieldException("masterNo", "An order cannot be merged into itself");
		}
		if (!master.state.open() || master.state == REGISTERED) {
			throw ConflictException.illegalTransition("merge orders into", KIND, master.no, master.state);
		}
		end(act);
		masterId = master.id;
		move(act, TimelineAction.MERGED, MERGED, null, "并入 " + master.no);
		master.record(act, TimelineAction.MERGED_IN, master.state, master.state, null, "并入来单 " + no);
	}

	void withdraw(String reason, Act act) {
		expect("withdraw", REGISTERED, PENDING_DISPATCH, RETURNED, DISPATCHED, IN_PROGRESS);
		end(act);
		move(act, TimelineAction.WITHDRAWN, WITHDRAWN, null, reason);
		closedAt = act.at();
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

	Optional<Long> holderDepartment() {
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

	private void assignLead(long lead, List<Long> coHandlers, Terms terms, Sla sla, Act act) {
		var co = new LinkedHashSet<>(coHandlers == null ? List.of() : coHandlers);
		if (co.contains(lead)) {
			throw new InvalidFieldException("coDepartmentIds", "The lead department cannot also co-handle");
		}
		leadDepartmentId = lead;
		var leadAssignment = new Assignment(null, lead, null, 1, AssignmentRole.LEAD, AssignmentState.DISPATCHED,
				act.at(), act.username(), null, null, null);
		leadAssignment.dirty = true;
		assignments.add(leadAssignment);
		for (var department : co) {
			var a = new Assignment(null, department, null, 1, AssignmentRole.CO, AssignmentState.DISPATCHED,
					act.at(), act.username(), null, null, null);
			a.dirty = true;
			assignments.add(a);
		}
		startClock(SlaStage.SIGN, lead, terms.sign(), sla, act.at());
		startClock(SlaStage.HANDLE, lead, terms.handle(), sla, act.at());
	}

	private void recordCoHandlers(Act act, List<Long> coHandlers) {
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

	private void startClock(SlaStage stage, Long department, SlaTerm term, Sla sla, ZonedDateTime at) {
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
		c.dirty = true;
	}

	private Assignment ownAssignment(String action, Act act) {
		return assignments.stream()
			.filter(a -> a.state.active() && Objects.equals(a.departmentId, act.departmentId()))
			.max(Comparator.comparingInt(a -> a.level))
			.orElseThrow(() -> new NotHoldingException(action, no, act.departmentId()));
	}

	private void expect(String action, WorkOrderState... allowed) {
		for (var s : allowed) {
			if (s == state) {
				return;
			}
		}
		throw illegal(action);
	}

	private ConflictException illegal(String action) {
		return ConflictException.illegalTransition(action, KIND, no, state);
	}

	private void move(Act act, TimelineAction action, WorkOrderState to, Long department, String comment) {
		var from = state;
		state = to;
		record(act, action, from, to, department, comment);
	}

	private void record(Act act, TimelineAction action, WorkOrderState from, WorkOrderState to, Long department,
			String comment) {
		newEntries.add(new Entry(nextSeq++, act.at(), action, from, to, act.username(), act.displayName(),
				act.departmentId(), department, comment));
	}

	/** The acting department holds no open assignment of the order. */
	static final class NotHoldingException extends ConflictException {

		NotHoldingException(String action, WorkOrderNo no, Long department) {
			super("Department " + department + " cannot " + action + " work order '" + no
					+ "': it holds no open assignment of it");
		}
	}
}
