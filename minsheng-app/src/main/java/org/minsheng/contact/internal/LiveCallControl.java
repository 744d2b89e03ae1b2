package org.minsheng.contact.internal;

import org.minsheng.contact.QueueEventType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.contact.AgentState;
import org.minsheng.contact.ContactCenter.LiveCall;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.platform.ConflictException;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.minsheng.privacy.PersonalDataKind;
import org.minsheng.sip.Call;
import org.minsheng.sip.CallId;

/**
 * What an agent (on their own call) or a supervisor (on any) does to a call in progress: look at
 * it, consult a colleague or an outside line, transfer, join the three in a conference, hold.
 * Each act is checked against who may do it and audited; the calls themselves belong to the
 * contact service, which hands them over as they start and end.
 */
final class LiveCallControl {

	static final Duration CONSULT_RING = Duration.ofSeconds(20);

	private final Map<CallId, CallTrace> live;

	private final Map<CallId, Call> liveCalls;

	private final Acd acd;

	private final Supplier<CallPlan> plan;

	private final BooleanSupplier canDial;

	private final Supplier<Instant> now;

	private final CurrentActor current;

	private final AuditTrail audit;

	LiveCallControl(Map<CallId, CallTrace> live, Map<CallId, Call> liveCalls, Acd acd, Supplier<CallPlan> plan,
			BooleanSupplier canDial, Supplier<Instant> now, CurrentActor current, AuditTrail audit) {
		this.live = live;
		this.liveCalls = liveCalls;
		this.acd = acd;
		this.plan = plan;
		this.canDial = canDial;
		this.now = now;
		this.current = current;
		this.audit = audit;
	}

	Optional<LiveCall> liveCall(CallId callId) {
		var actor = current.get();
		var trace = live.get(callId);
		if (trace == null) return Optional.empty();
		boolean own = actor.username().equals(trace.agent) && actor.can(Permission.CONTACT_AGENT);
		if (!own && !actor.can(Permission.CONTACT_SUPERVISE)) return Optional.empty();
		var phone = trace.caller == null ? "" : trace.caller.replaceAll("[^0-9+]", "");
		boolean unmasked = trace.numberProtected ? false : own || actor.can(Permission.PERSONAL_DATA_UNMASK);
		if (!unmasked && phone.length() >= 7) {
			phone = PersonalDataKind.PHONE.mask(phone);
		}
		return Optional.of(new LiveCall(trace.callId, phone, trace.dialled, trace.queue, trace.agent,
				trace.startedAt.atOffset(ZoneOffset.UTC),
				trace.agentAnsweredAt == null ? null : trace.agentAnsweredAt.atOffset(ZoneOffset.UTC),
				Optional.ofNullable(liveCalls.get(callId)).map(Call::isHeld).orElse(false), trace.consulting,
				trace.conference));
	}

	/** A call in progress that the actor may work on: its agent's, or any for a supervisor. */
	private Call ownCall(CallId callId) {
		var actor = current.get();
		var trace = live.get(callId);
		var call = liveCalls.get(callId);
		if (trace == null || call == null) throw new NotFoundException("进行中的通话", callId);
		boolean own = actor.username().equals(trace.agent) && actor.can(Permission.CONTACT_AGENT);
		if (!own) actor.require(Permission.CONTACT_SUPERVISE);
		return call;
	}

	void consult(CallId callId, String target) {
		var call = ownCall(callId);
		var trace = live.get(callId);
		var t = target == null ? "" : target.strip();
		var found = acd.seats().stream().filter(s -> s.extension().equals(t)).findFirst();
		if (found.isEmpty() && canDial.getAsBoolean() && FlowRunner.isOutsideNumber(t)) {
			consultOutside(callId, call, trace, t);
			return;
		}
		var seat = found.orElseThrow(() -> new InvalidFieldException("target",
				canDial.getAsBoolean() ? "请填写要咨询的坐席分机号或外线号码" : "请填写要咨询的坐席分机号"));
		if (seat.agent().equals(trace.agent)) throw new InvalidFieldException("target", "不能咨询自己");
		noConsultYet(callId, trace);
		try {
			acd.change(seat, s -> s.offer(callId, now.get()));
		}
		catch (ConflictException busy) {
			throw new ConflictException("坐席 " + t + " 当前为「" + seat.state().label() + "」，不能接受咨询");
		}
		trace.consulting = t;
		boolean answered;
		try {
			answered = call.consult(t, CONSULT_RING);
		}
		catch (RuntimeException e) {
			answered = false;
		}
		if (!answered) {
			trace.consulting = null;
			acd.change(seat, s -> s.state() == AgentState.RINGING ? s.released(now.get()) : null);
			throw new ConflictException("坐席 " + t + " 没有接听咨询");
		}
		acd.change(seat, s -> s.answered(now.get()));
		trace.event(trace.queue == null ? "" : trace.queue, QueueEventType.CONSULTED, now.get(), null, seat.agent());
		audit.record(AuditRecord.of(AuditAction.CONTACT_CALL_CONSULTED, "contact_call", auditId(callId), "with " + t));
	}

	/** Consults an outside number (a department's line) through the trunk: no seat to keep. */
	private static void noConsultYet(CallId callId, CallTrace trace) {
		if (trace.consulting != null) {
			throw new ConflictException("通话「" + callId + "」正在咨询 " + trace.consulting + "，请先结束该咨询");
		}
	}

	private void consultOutside(CallId callId, Call call, CallTrace trace, String number) {
		noConsultYet(callId, trace);
		var tel = Call.EXTERNAL + number.replaceAll("[^0-9+]", "");
		trace.consulting = tel;
		boolean answered;
		try {
			answered = call.consult(tel, FlowRunner.OUTSIDE_RING);
		}
		catch (RuntimeException e) {
			answered = false;
		}
		if (!answered) {
			trace.consulting = null;
			throw new ConflictException("外线 " + number + " 没有接听咨询");
		}
		trace.event(trace.queue == null ? "" : trace.queue, QueueEventType.CONSULTED, now.get(), null, tel);
		audit.record(AuditRecord.of(AuditAction.CONTACT_CALL_CONSULTED, "contact_call", auditId(callId), "with " + tel));
	}

	void completeTransfer(CallId callId) {
		var call = ownCall(callId);
		if (!call.completeTransfer()) {
			throw new ConflictException("通话「" + callId + "」没有进行中的咨询，无法转给咨询方");
		}
		audit.record(AuditRecord.of(AuditAction.CONTACT_CALL_TRANSFERRED, "contact_call", auditId(callId), "attended"));
	}

	void conference(CallId callId) {
		var call = ownCall(callId);
		if (!call.conference()) {
			throw new ConflictException("通话「" + callId + "」没有进行中的咨询，无法三方通话");
		}
		live.get(callId).conference = true;
		audit.record(AuditRecord.of(AuditAction.CONTACT_CALL_CONFERENCE, "contact_call", auditId(callId), live.get(callId).consulting));
	}

	void endConsult(CallId callId) {
		var call = ownCall(callId);
		if (!call.endConsult()) {
			throw new ConflictException("通话「" + callId + "」没有进行中的咨询");
		}
	}

	void hold(CallId callId, boolean on) {
		var call = ownCall(callId);
		var actor = current.get();
		if (!call.hold(on)) {
			throw new ConflictException("通话「" + callId + "」不在与坐席通话中，不能" + (on ? "保持" : "恢复"));
		}
		audit.record(AuditRecord.of(on ? AuditAction.CONTACT_CALL_HELD : AuditAction.CONTACT_CALL_RESUMED, "contact_call", auditId(callId),
				actor.username()));
	}

	void transfer(CallId callId, String target) {
		var call = ownCall(callId);
		var t = target == null ? "" : target.strip();
		boolean known = plan.get().queues().containsKey(t) || acd.seats().stream().anyMatch(s -> s.extension().equals(t))
				|| canDial.getAsBoolean() && FlowRunner.isOutsideNumber(t);
		if (!known) {
			throw new InvalidFieldException("target", canDial.getAsBoolean()
					? "请填写转接目标：呼叫方案中的队列、坐席分机号或外线号码"
					: "请填写转接目标：呼叫方案中的队列或坐席分机号（未配置中继，不能转外线）");
		}
		if (!call.transfer(t)) {
			throw new ConflictException("通话「" + callId + "」不在与坐席通话中，不能转接");
		}
		audit.record(AuditRecord.of(AuditAction.CONTACT_CALL_TRANSFERRED, "contact_call", auditId(callId), "to " + t));
	}

	/** Call-IDs may be longer than the audit's target column: long ones keep their start and a hash. */
	static String auditId(CallId callId) {
		var id = callId.value();
		if (id.length() <= 100) return id;
		return id.substring(0, 80) + "~" + Integer.toHexString(id.hashCode());
	}

}
