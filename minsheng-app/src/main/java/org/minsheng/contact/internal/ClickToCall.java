package org.minsheng.contact.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.contact.AgentState;
import org.minsheng.contact.CallDisposition;
import org.minsheng.contact.QueueEventType;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.platform.ConflictException;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.privacy.PersonalDataKind;
import org.minsheng.privacy.PhoneNumber;
import org.minsheng.sip.CallId;
import org.minsheng.sip.DialResult;
import org.minsheng.sip.SipEngine;
import org.minsheng.workorder.CitizenLine;
import org.minsheng.workorder.WorkOrderNo;
import org.minsheng.workorder.WorkOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Click-to-call (号码隐私保护): an agent asks the center to call the citizen of an order, for the
 * 回访 or a question. The number comes from the order and goes only to the call engine: the center
 * dials the citizen through the trunk (they see the hotline's number), tells them why it calls and
 * rings the agent's phone, which was kept free for it since the click. The call is recorded, listed
 * on the order, and masked for everyone on it, the agent included. Each request is audited.
 */
final class ClickToCall {

	private static final Logger log = LoggerFactory.getLogger(ClickToCall.class);

	/**
	 * The queue of calls the center places for agents: not in the call plan, so the wallboard's queues
	 * and the day's inbound figures do not count them; its events name it.
	 */
	static final QueuePlan OUTBOUND = new QueuePlan("outbound", "外呼回访", RoutingStrategy.LONGEST_IDLE, Map.of(), List.of(),
			Duration.ofMinutes(1), "hangup", Duration.ofSeconds(30), Duration.ofSeconds(15), 0, Duration.ofMinutes(1),
			QueuePlan.Callback.NONE);

	private final WorkOrders orders;

	private final Acd acd;

	private final ContactSettings settings;

	private final Supplier<SipEngine> engine;

	private final Supplier<Boolean> canDial;

	private final Supplier<Instant> now;

	private final CurrentActor current;

	private final AuditTrail audit;

	private final CallLog callLog;

	private final QueueCallbacks.CallRunner runner;

	ClickToCall(WorkOrders orders, Acd acd, ContactSettings settings, Supplier<SipEngine> engine, Supplier<Boolean> canDial,
			Supplier<Instant> now, CurrentActor current, AuditTrail audit, CallLog callLog, QueueCallbacks.CallRunner runner) {
		this.orders = orders;
		this.acd = acd;
		this.settings = settings;
		this.engine = engine;
		this.canDial = canDial;
		this.now = now;
		this.current = current;
		this.audit = audit;
		this.callLog = callLog;
		this.runner = runner;
	}

	/**
	 * Reserves the agent and starts calling; returns at once. Refused (nothing dialled, the agent as
	 * they were) when the order has no number to call, the center has no trunk, the agent has no
	 * phone registered or is on a call.
	 */
	void callCitizenOf(WorkOrderNo no) {
		var actor = current.get().require(Permission.CONTACT_AGENT);
		var line = lineOf(no);
		var e = dialler();
		var seat = acd.seat(actor.username()).orElseThrow(() -> new ConflictException("您还没有坐席账号，不能外呼"));
		if (e.registration(seat.extension()).isEmpty()) {
			throw new ConflictException("您的话机（分机 " + seat.extension() + "）未注册，请先登录话机再外呼");
		}
		acd.change(seat, s -> s.reserveForCall(now.get()));
		audit.record(AuditRecord.of(AuditAction.CONTACT_CITIZEN_CALLED, "work_order", no.value(), "号码保护外呼，坐席 "
				+ actor.username()));
		Thread.ofVirtual().name("click-to-call-" + actor.username()).start(() -> dial(e, seat, line));
	}

	/**
	 * A department handler calls the citizen from their own phone (号码隐私保护): the center calls
	 * {@code own} first through the trunk (the handler sees the hotline's number), then the citizen,
	 * and bridges the two; neither sees the other's number. Returns at once; refused when the order
	 * has no number to call or there is no trunk.
	 */
	void callCitizenFrom(WorkOrderNo no, String ownPhone) {
		var actor = current.get();
		var own = handlersPhone(ownPhone);
		var line = lineOf(no);
		var e = dialler();
		audit.record(AuditRecord.of(AuditAction.CONTACT_CITIZEN_CALLED, "work_order", no.value(),
				"号码保护外呼，承办人 " + actor.username() + " 的电话 " + PersonalDataKind.PHONE.mask(own.digits())));
		Thread.ofVirtual().name("protected-call-" + actor.username()).start(() -> {
			var startedAt = now.get();
			var result = dialOrFail(e, own.digits(), line);
			if (result.answered()) {
				var call = result.call().orElseThrow();
				var trace = traceOf(call.id(), line, startedAt, actor.username());
				runner.run(call, trace, flow -> flow.runToCitizen(line.digits()));
				return;
			}
			unanswered(line, actor.username(), startedAt, result.outcome());
		});
	}

	/**
	 * The record of a call the center placed about an order: the citizen's number (masked for all on
	 * it), the hotline's number they see, the person it was placed for.
	 */
	private CallTrace traceOf(CallId id, CitizenLine line, Instant startedAt, String agent) {
		var trace = new CallTrace(id, line.digits(), settings.trunkCallerId(), startedAt);
		trace.workOrderNo = line.order().value();
		trace.numberProtected = true;
		trace.agent = agent;
		return trace;
	}

	/** The citizen's number of an order the actor may call about; a conflict when there is none to call. */
	private CitizenLine lineOf(WorkOrderNo no) {
		return orders.lineToCitizen(no)
			.orElseThrow(() -> new ConflictException("工单「" + no.value() + "」没有可拨打的市民号码（匿名或未留电话）"));
	}

	/** The engine, when it runs and has a trunk to call out through. */
	private SipEngine dialler() {
		var e = engine.get();
		if (e == null || !canDial.get()) throw new ConflictException("呼叫中心未接入中继线路，暂不能外呼");
		return e;
	}

	/** A handler's own phone: a mobile or a landline with its area code, where a person answers. */
	static PhoneNumber handlersPhone(String raw) {
		PhoneNumber phone;
		try {
			phone = PhoneNumber.parse(raw);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldException("ownPhone", e.getMessage());
		}
		if (phone.kind() != PhoneNumber.Kind.MOBILE && phone.kind() != PhoneNumber.Kind.LANDLINE) {
			throw new InvalidFieldException("ownPhone", "您的电话应为 11 位手机号或带区号的固定电话（如 0755-83456789）：" + raw);
		}
		return phone;
	}

	private DialResult dialOrFail(SipEngine e, String digits, CitizenLine line) {
		try {
			return e.dial(digits, settings.callbackRingTimeout());
		}
		catch (RuntimeException failed) {
			log.warn("click-to-call for {} failed: {}", line, failed.getMessage());
			return new DialResult(DialResult.Outcome.FAILED, 500, Optional.empty());
		}
	}

	/** An attempt nobody answered, kept among the order's calls. */
	private void unanswered(CitizenLine line, String agent, Instant startedAt, DialResult.Outcome outcome) {
		var at = now.get();
		var trace = traceOf(new CallId("outbound-" + UUID.randomUUID() + "@minsheng"), line, startedAt, agent);
		trace.queue = OUTBOUND.name();
		trace.disposition = CallDisposition.OUTBOUND_UNANSWERED;
		trace.path.add("outbound");
		trace.event(OUTBOUND.name(), QueueEventType.outside(outcome), at, null, agent);
		try {
			callLog.save(trace, at);
		}
		catch (RuntimeException failed) {
			log.error("record of the click-to-call attempt for {} not saved", line, failed);
		}
	}

	private void dial(SipEngine e, Seat seat, CitizenLine line) {
		var startedAt = now.get();
		var result = dialOrFail(e, line.digits(), line);
		if (result.answered()) {
			var call = result.call().orElseThrow();
			var trace = traceOf(call.id(), line, startedAt, seat.agent());
			runner.run(call, trace, flow -> flow.runOutbound(OUTBOUND, seat));
			return;
		}
		// not answered: the agent is free again, and the attempt is on the order's calls
		try {
			acd.change(seat, s -> s.state() == AgentState.RINGING ? s.released(now.get()) : null);
		}
		catch (RuntimeException raced) {
			log.debug("releasing {} after a click-to-call: {}", seat.agent(), raced.getMessage());
		}
		unanswered(line, seat.agent(), startedAt, result.outcome());
	}
}
