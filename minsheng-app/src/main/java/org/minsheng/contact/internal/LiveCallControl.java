package org.minsheng.contact.internal;

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

/**
 * What an agent (on their own call) or a supervisor (on any) does to a call in progress: look at
 * it, consult a colleague or an outside line, transfer, join the three in a conference, hold.
 * Each act is checked against who may do it and audited; the calls themselves belong to the
 * contact service, which hands them over as they start and end.
 */
final class LiveCallControl {

	static final Duration CONSULT_RING = Duration.ofSeconds(20);

	private final Map<String, CallTrace> live;

	private final Map<String, Call> liveCalls;

	private final Acd acd;

	private final Supplier<CallPlan> plan;

	private final BooleanSupplier canDial;

	private final Supplier<Instant> now;

	private final CurrentActor current;

	private final AuditTrail audit;

	LiveCallControl(Map<String, CallTrace> live, Map<String, Call> liveCalls, Acd acd, Supplier<CallPlan> plan,
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

	Optional<LiveCall> liveCall(String callId) {
		var actor = current.get();
		var trace = live.get(callId);
		if (trace == null) return Optional.empty();
		boolean own = actor.username().equals(trace.agent) && actor.can(Permission.CONTACT_AGENT);
		if (!own && !actor.can(Permission.CONTACT_SUPERVISE)) return Optional.empty();
		var phone = trace.caller == null ? "" : trace.caller.replaceAll("[^0-9+]", "");
		if (!own && !actor.can(Permission.PERSONAL_DATA_UNMASK) && phone.length() >= 7) {
			phone = PersonalDataKind.PHONE.mask(phone);
		}
		return Optional.of(new LiveCall(trace.callId, phone, trace.dialled, trace.queue, trace.agent,
				trace.startedAt.atOffset(ZoneOffset.UTC),
				trace.agentAnsweredAt == null ? null : trace.agentAnsweredAt.atOffset(ZoneOffset.UTC),
				Optional.ofNullable(liveCalls.get(callId)).map(Call::isHeld).orElse(false), trace.consulting,
				trace.conference));
	}

	/** A call in progress that the actor may work on: its agent's, or any for a supervisor. */
	private Call ownCall(String callId) {
		var actor = current.get();
		var trace = live.get(callId);
		var call = liveCalls.get(callId);
		if (trace == null || call == null) throw new NotFoundException("进行中的通话", callId);
		boolean own = actor.username().equals(trace.agent) && actor.can(Permission.CONTACT_AGENT);
		if (!own) actor.require(Permission.CONTACT_SUPERVISE);
		return call;
	}

	void consult(String callId, String target) {
		var call = ownCall(callId);
		var trace = live.get(callId);
		var t = target == null ? "" : target.strip();
		var found = acd.seats().stream().filter(s -> s.extension().equals(t)).findFirst();
		if (found.isEmpty() && canDial.getAsBoolean() && FlowRunner.isOutsideNumber(t)) {
			consultOutside(callId, call, trace, t);
			return;
		}
		var seat = found.orElseThrow(() -> new InvalidFieldException("target",
				canDial.getAsBoolean() ? "Consult an agent by extension or an outside number" : "Consult an agent by extension"));
		if (seat.agent().equals(trace.agent)) throw new InvalidFieldException("target", "Consult another agent than oneself");
		noConsultYet(callId, trace);
		try {
			acd.change(seat, s -> s.offer(callId, now.get()));
		}
		catch (ConflictException busy) {
			throw new ConflictException("Expected agent " + t + " to be available, but they are " + seat.state().label());
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
			throw new ConflictException("Expected agent " + t + " to answer the consult, but they did not");
		}
		acd.change(seat, s -> s.answered(now.get()));
		trace.event(trace.queue == null ? "" : trace.queue, QueueEventType.CONSULTED, now.get(), null, seat.agent());
		audit.record(AuditRecord.of(AuditAction.CONTACT_CALL_CONSULTED, "contact_call", auditId(callId), "with " + t));
	}

	/** Consults an outside number (a department's line) through the trunk: no seat to keep. */
	private static void noConsultYet(String callId, CallTrace trace) {
		if (trace.consulting != null) {
			throw new ConflictException("Expected no consult on call '" + callId + "', but " + trace.consulting + " is consulted");
		}
	}

	private void consultOutside(String callId, Call call, CallTrace trace, String number) {
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
			throw new ConflictException("Expected " + number + " to answer the consult, but it did not");
		}
		trace.event(trace.queue == null ? "" : trace.queue, QueueEventType.CONSULTED, now.get(), null, tel);
		audit.record(AuditRecord.of(AuditAction.CONTACT_CALL_CONSULTED, "contact_call", auditId(callId), "with " + tel));
	}

	void completeTransfer(String callId) {
		var call = ownCall(callId);
		if (!call.completeTransfer()) {
			throw new ConflictException("Expected a consult on call '" + callId + "' to transfer to, but there is none");
		}
		audit.record(AuditRecord.of(AuditAction.CONTACT_CALL_TRANSFERRED, "contact_call", auditId(callId), "attended"));
	}

	void conference(String callId) {
		var call = ownCall(callId);
		if (!call.conference()) {
			throw new ConflictException("Expected a consult on call '" + callId + "' to join, but there is none");
		}
		live.get(callId).conference = true;
		audit.record(AuditRecord.of(AuditAction.CONTACT_CALL_CONFERENCE, "contact_call", auditId(callId), live.get(callId).consulting));
	}

	void endConsult(String callId) {
		var call = ownCall(callId);
		if (!call.endConsult()) {
			throw new ConflictException("Expected a consult on call '" + callId + "' to end, but there is none");
		}
	}

	void hold(String callId, boolean on) {
		var call = ownCall(callId);
		var actor = current.get();
		if (!call.hold(on)) {
			throw new ConflictException("Expected to " + (on ? "hold" : "resume") + " call '" + callId
					+ "', but it is not talking with an agent");
		}
		audit.record(AuditRecord.of(on ? AuditAction.CONTACT_CALL_HELD : AuditAction.CONTACT_CALL_RESUMED, "contact_call", auditId(callId),
				actor.username()));
	}

	void transfer(String callId, String target) {
		var call = ownCall(callId);
		var t = target == null ? "" : target.strip();
		boolean known = plan.get().queues().containsKey(t) || acd.seats().stream().anyMatch(s -> s.extension().equals(t))
				|| canDial.getAsBoolean() && FlowRunner.isOutsideNumber(t);
		if (!known) {
			throw new InvalidFieldException("target", canDial.getAsBoolean()
					? "Transfer to a queue of the plan, an agent's extension or an outside number"
					: "Transfer to a queue of the plan or an agent's extension (no trunk for outside numbers)");
		}
		if (!call.transfer(t)) {
			throw new ConflictException("Expected to transfer call '" + callId + "', but it is not talking with an agent");
		}
		audit.record(AuditRecord.of(AuditAction.CONTACT_CALL_TRANSFERRED, "contact_call", auditId(callId), "to " + t));
	}

	/** Call-IDs may be longer than the audit's target column: long ones keep their start and a hash. */
	static String auditId(String callId) {
		if (callId.length() <= 100) return callId;
		return callId.substring(0, 80) + "~" + Integer.toHexString(callId.hashCode());
	}

}
