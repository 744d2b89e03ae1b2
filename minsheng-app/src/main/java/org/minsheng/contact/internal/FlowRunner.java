package org.minsheng.contact.internal;

import org.minsheng.contact.QueueEventType;
import org.minsheng.contact.LegResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.minsheng.contact.AgentState;
import org.minsheng.contact.CallDisposition;
import org.minsheng.contact.HangupBy;
import org.minsheng.platform.ConflictException;
import org.minsheng.sip.AudioClip;
import org.minsheng.sip.BridgeOutcome;
import org.minsheng.sip.Call;
import org.minsheng.sip.CallGoneException;
import org.minsheng.sip.CallId;
import org.minsheng.sip.Recording;
import org.minsheng.sip.TalkListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a citizen's call through the IVR flow of the number dialled: prompts, menus, collected keys,
 * time routing, queues (with music, position announcements, ringing agents, overflow), voice
 * messages and order status. One runner per call, on the call's own virtual thread.
 *
 * <p>It is long because a flow is one conversation with the caller, step after step, and reads best
 * in one place; each kind of step is a method of its own.
 */
final class FlowRunner {

	private static final Logger log = LoggerFactory.getLogger(FlowRunner.class);

	/** A flow that loops (menu back to itself) still ends after this many steps. */
	static final int MAX_STEPS = 200;

	/** What the flow needs from the rest of the center. */
	interface Services {

		CallPlan callPlan();

		Acd acd();

		Prompts prompts();

		Instant now();

		boolean isWorkingTime(String hours);

		/** What to say about the order whose number's digits were keyed, for this caller. */
		String orderStatus(String digits, String caller);

		/** Registers a voice message as a work order; returns its number. */
		Optional<String> voiceMessageOrder(CallTrace trace, Recording message);

		boolean repeatCaller(String caller);

		/** An agent answered: the agent's screen pops the caller. */
		void answered(CallTrace trace, Seat seat);

		/** The expected wait of the caller at {@code position}, for the announcement. */
		Duration expectedWait(QueuePlan queue, int position);

		/** A talk ended; feeds the expected-wait estimate. */
		void handled(QueuePlan queue, Duration talk);

		/** Whether the center can call citizens back (a trunk is set). */
		boolean canDial();

		/**
		 * The caller hung up keeping their place: when agents are offered for {@code waiting}, the
		 * center calls {@code number} back and connects them.
		 */
		void callBackLater(QueuePlan queue, WaitingCall waiting, String number, CallId callId);
	}

	private final Call call;

	private final CallTrace trace;

	private final Services services;

	private final Map<String, String> variables = new HashMap<>();

	FlowRunner(Call call, CallTrace trace, Services services) {
		this.call = call;
		this.trace = trace;
		this.services = services;
	}

	void run() {
		var plan = services.callPlan();
		var flow = plan.flowFor(call.dialled()).orElse(null);
		if (flow == null) {
			log.info("No flow for number {}; call {} refused", call.dialled(), call.id());
			trace.disposition = CallDisposition.NO_FLOW;
			call.hangup();
			return;
		}
		this.flow = flow;
		if (flow.earlyMedia()) {
			call.progress();
		}
		else {
			answer();
		}
		if (flow.recordIvr()) call.startRecording(recordingName("ivr"));
		String node = flow.start();
		int steps = 0;
		while (node != null && !call.isEnded()) {
			if (++steps > MAX_STEPS) {
				log.warn("Flow {} of call {} ran {} steps without ending; hanging up", flow.number(), call.id(), MAX_STEPS);
				break;
			}
			trace.path.add(node);
			node = step(flow.nodes().get(node), plan);
		}
	}

	private CallPlan.Flow flow;

	/** Answers the call if it is not yet (a flow with early media answers when it first needs the caller). */
	private void answer() {
		if (trace.answeredAt != null) return;
		call.answer();
		trace.answeredAt = services.now();
	}

	/** The IVR recording ends when an agent answers: the talk has its own. */
	private void stopIvrRecording() {
		if (flow != null && flow.recordIvr() && trace.ivrRecording == null) {
			call.stopRecording().ifPresent(r -> trace.ivrRecording = r);
		}
	}

	/** Called when the call ends, however it ends. */
	void finish() {
		stopIvrRecording();
	}

	private String step(FlowNode node, CallPlan plan) {
		if (needsAnswer(node)) answer();
		return switch (node) {
			case FlowNode.Play p -> {
				call.play(p.file() != null ? file(p.file(), p.text()) : say(p.text()), true);
				yield p.next();
			}
			case FlowNode.Menu m -> menu(m);
			case FlowNode.Collect c -> {
				call.play(say(c.prompt()), true);
				variables.put(c.into(), call.readDigits(c.max(), c.timeout(), c.timeout(), c.terminator()));
				yield c.next();
			}
			case FlowNode.RouteTime r -> services.isWorkingTime(r.hours()) ? r.working() : r.off();
			case FlowNode.ToQueue q -> queue(plan.queues().get(q.queue()), q.priority()) ? q.next() : null;
			case FlowNode.Voicemail v -> {
				voicemail(v.prompt(), v.max(), v.thanks());
				yield null;
			}
			case FlowNode.OrderStatus o -> {
				var digits = variables.getOrDefault(o.variable(), "");
				call.play(say(services.orderStatus(digits, call.caller())), false);
				yield o.next();
			}
			case FlowNode.Hangup h -> {
				if (!h.text().isBlank()) call.play(say(h.text()), false);
				call.hangup();
				yield null;
			}
		};
	}

	/** Nodes that need the caller's keys or voice, or an agent, are answered first; announcements are not. */
	private static boolean needsAnswer(FlowNode node) {
		return switch (node) {
			case FlowNode.Play p -> false;
			case FlowNode.RouteTime r -> false;
			case FlowNode.Hangup h -> false;
			default -> true;
		};
	}

	private String menu(FlowNode.Menu m) {
		for (int attempt = 0; attempt <= m.retries(); attempt++) {
			call.play(say(m.prompt()), true);
			var keys = call.readDigits(1, m.timeout(), m.timeout(), (char) 0);
			if (keys.isEmpty()) continue;
			var target = m.options().get(keys.charAt(0));
			if (target != null) return target;
			call.play(say(m.invalid()), false);
		}
		return m.fallback();
	}

	private void voicemail(String prompt, Duration max, String thanks) {
		call.play(say(prompt), false);
		call.play(Prompts.tone(Duration.ofMillis(500), 1000), false);
		trace.disposition = CallDisposition.VOICEMAIL;
		var message = call.recordMessage(recordingName("message"), max, '#');
		if (message.isPresent()) {
			trace.recording = message.get();
			services.voiceMessageOrder(trace, message.get()).ifPresent(no -> trace.workOrderNo = no);
		}
		if (!call.isEnded()) {
			call.play(say(thanks), false);
			call.hangup();
		}
	}

	/**
	 * Waits for an agent and talks; true when the caller talked with one, false when the wait ended
	 * another way (overflow to a message or a goodbye). Throws when the caller hangs up.
	 */
	private boolean queue(QueuePlan q, int priority) {
		var acd = services.acd();
		int boost = services.callPlan().vipNumbers().contains(call.caller().replaceAll("[^0-9]", "")) ? 10 : 0;
		if (services.repeatCaller(call.caller())) boost += 1;
		var enteredAt = services.now();
		trace.queue = q.name();
		if (trace.queuedAt == null) trace.queuedAt = enteredAt;
		trace.event(q.name(), QueueEventType.ENTERED, enteredAt, null, null);
		var waiting = acd.enqueue(call.id(), call.caller(), q, priority + boost, call::stopPlayback);
		call.holdMusic(services.prompts().musicOnHold());
		return waitAndTalk(q, priority, waiting, enteredAt);
	}

	/**
	 * A call the center placed to call a citizen back, answered: their waiting call has been offered
	 * {@code seats}; connect them, or wait on the line again if nobody answers.
	 */
	void runCallback(QueuePlan q, WaitingCall waiting, List<Seat> seats) {
		trace.answeredAt = services.now();
		trace.queue = q.name();
		trace.queuedAt = waiting.enqueuedAt;
		waiting.wake = call::stopPlayback;
		call.holdMusic(services.prompts().musicOnHold());
		for (var seat : seats) seat.rebind(call.id());
		trace.path.add("callback");
		try {
			call.play(say("您好，这是政务服务便民热线的回拨，正在为您接通坐席。"), false);
		}
		catch (CallGoneException gone) {
			for (var seat : seats) release(seat);
			trace.disposition = CallDisposition.ABANDONED;
			throw gone;
		}
		var rung = ring(q, seats, waiting.enqueuedAt);
		if (rung.talked()) return;
		if (rung.transferTo() != null) {
			transfer(q, waiting.priority, rung.transferTo());
			return;
		}
		services.acd().requeue(waiting);
		waitAndTalk(q, waiting.priority, waiting, services.now());
	}

	/**
	 * A citizen the center called for an agent (click-to-call, 回访), who answered: they hear why the
	 * hotline calls, and the agent's phone rings (the agent was reserved when they asked). Talked,
	 * the call is an outbound one; if the agent does not answer, the citizen is told and the call ends.
	 */
	void runOutbound(QueuePlan q, Seat seat) {
		var now = services.now();
		trace.answeredAt = now;
		trace.queue = q.name();
		trace.queuedAt = now;
		trace.path.add("outbound");
		seat.rebind(call.id());
		try {
			call.play(say("您好，这里是12345政务服务便民热线，就您反映的问题与您联系，正在为您接通工作人员，请稍候。"), false);
		}
		catch (CallGoneException gone) {
			release(seat);
			trace.disposition = CallDisposition.OUTBOUND_UNANSWERED;
			throw gone;
		}
		var rung = ring(q, List.of(seat), now);
		if (rung.talked()) {
			trace.disposition = CallDisposition.OUTBOUND;
			return;
		}
		if (rung.transferTo() != null) {
			transfer(q, 0, rung.transferTo());
			if (trace.disposition == CallDisposition.ANSWERED) trace.disposition = CallDisposition.OUTBOUND;
			return;
		}
		trace.disposition = CallDisposition.OUTBOUND_UNANSWERED;
		call.play(say("工作人员暂时无法接听，我们稍后再与您联系，再见。"), false);
	}

	/**
	 * A department handler's own phone, called by the center, answered (号码隐私保护): the handler hears
	 * that the citizen is being called, and the citizen is dialled through the trunk and bridged. The
	 * citizen's leg is named for what it is, not by its number; the talk is recorded.
	 */
	void runToCitizen(String digits) {
		var now = services.now();
		trace.answeredAt = now;
		trace.queue = ClickToCall.OUTBOUND.name();
		trace.path.add("outbound-handler");
		call.play(say("这里是12345热线号码保护通话，正在为您呼叫市民，请稍候。"), false);
		var offeredAt = services.now();
		var outcome = call.bridgeExternal(digits, OUTSIDE_RING, recordingName("outbound"));
		var ended = services.now();
		trace.leg(new CallTrace.Leg("市民（号码保护）", outcome.agentCallId(), offeredAt, outcome.answeredAt().orElse(null),
				ended, LegResult.of(outcome.result()), outcome.held().isZero() ? null : outcome.held().toMillis()));
		if (outcome.result() == BridgeOutcome.Result.TALKED) {
			trace.event(trace.queue, QueueEventType.OUTSIDE_ANSWERED, ended, null, trace.agent);
			trace.disposition = CallDisposition.OUTBOUND;
			trace.agentAnsweredAt = outcome.answeredAt().orElse(offeredAt);
			trace.talkEndedAt = ended;
			outcome.recording().ifPresent(r -> trace.recording = r);
			trace.hangupBy = outcome.endedBy().map(HangupBy::outside).orElse(null);
			return;
		}
		trace.disposition = CallDisposition.OUTBOUND_UNANSWERED;
		if (outcome.result() == BridgeOutcome.Result.CALLER_LEFT) throw new CallGoneException(call.id());
		trace.event(trace.queue, outcome.result() == BridgeOutcome.Result.NO_ANSWER ? QueueEventType.OUTSIDE_NO_ANSWER
				: QueueEventType.OUTSIDE_FAILED, ended, null, trace.agent);
		call.play(say("市民暂时无法接通，请稍后再试。"), false);
	}

	/** Whether this caller can be called back: the center has a trunk and the caller sent a usable number. */
	private boolean canCallBack() {
		return services.canDial() && call.caller().replaceAll("[^0-9]", "").length() >= 7;
	}

	/**
	 * The caller keeps their place and hangs up; the center calls back when an agent is free. The
	 * waiting call stays in line.
	 */
	private boolean callBack(QueuePlan q, WaitingCall waiting) {
		var now = services.now();
		trace.disposition = CallDisposition.CALLBACK;
		trace.event(q.name(), QueueEventType.CALLBACK_REQUESTED, now, Duration.between(waiting.enqueuedAt, now).toMillis(), null);
		waiting.wake = () -> { };
		services.callBackLater(q, waiting, call.caller().replaceAll("[^0-9+]", ""), call.id());
		try {
			call.play(say("已为您登记回拨，排队位置为您保留，坐席空闲时将回拨您的来电号码，请保持电话畅通。再见。"), false);
			call.hangup();
		}
		catch (CallGoneException gone) {
			// the request stands however the caller left
		}
		return false;
	}

	/** Waits in line (music, announcements, a callback offer) until agents are offered, and talks. */
	private boolean waitAndTalk(QueuePlan q, int priority, WaitingCall waiting, Instant enteredAt) {
		var acd = services.acd();
		var callbackAt = q.callback().offerAfter() == null || !canCallBack() ? null : enteredAt.plus(q.callback().offerAfter());
		var deadline = enteredAt.plus(q.maxWait());
		var nextAnnouncement = enteredAt.plus(Duration.ofSeconds(Math.min(8, q.announceEvery().toSeconds())));
		try {
			while (true) {
				var offer = waiting.offer();
				if (!offer.isDone()) {
					var now = services.now();
					if (!now.isBefore(deadline)) {
						if (q.overflow().equals("callback") && canCallBack()) return callBack(q, waiting);
						acd.leave(waiting);
						trace.event(q.name(), QueueEventType.OVERFLOWED, now, Duration.between(enteredAt, now).toMillis(), null);
						return overflow(q, priority, waiting);
					}
					if (callbackAt != null && !now.isBefore(callbackAt)) {
						callbackAt = null;
						call.play(say("如需保留排队位置并挂机等待回拨，请按1；继续等待请按其他键。"), true);
						var key = call.readDigits(1, Duration.ofSeconds(5), Duration.ofSeconds(1), (char) 0);
						if (key.equals("1") && !waiting.offer().isDone()) return callBack(q, waiting);
						continue;
					}
					if (!now.isBefore(nextAnnouncement)) {
						int position = acd.position(waiting);
						var wait = services.expectedWait(q, position);
						call.play(say("您前面还有" + position + "位来电，预计等待" + minutes(wait) + "，请耐心等候。"), false);
						nextAnnouncement = services.now().plus(q.announceEvery());
						continue;
					}
					var until = deadline.isBefore(nextAnnouncement) ? deadline : nextAnnouncement;
					if (callbackAt != null && callbackAt.isBefore(until)) until = callbackAt;
					call.play(music(Duration.between(now, until)), false);
					continue;
				}
				var seats = offer.join();
				var rung = ring(q, seats, waiting.enqueuedAt);
				if (rung.transferTo() != null) {
					acd.leave(waiting);
					return transfer(q, priority, rung.transferTo());
				}
				if (rung.talked()) return true;
				acd.requeue(waiting);
			}
		}
		catch (CallGoneException gone) {
			acd.leave(waiting);
			var offered = waiting.offer().getNow(null);
			if (offered != null) {
				for (var seat : offered) release(seat);
			}
			var now = services.now();
			trace.event(q.name(), QueueEventType.ABANDONED, now, Duration.between(enteredAt, now).toMillis(), null);
			if (trace.agentAnsweredAt == null) trace.disposition = CallDisposition.ABANDONED;
			throw gone;
		}
	}

	/** How ringing agents ended: talked, transferred (to the target), or nobody answered. */
	private record Rung(boolean talked, String transferTo) {
	}

	/**
	 * A blind transfer by the agent: to another queue (by name), to an agent (by extension), or
	 * back into the queue it came from when the target is neither or the agent is not free.
	 */
	private boolean transfer(QueuePlan from, int priority, String target) {
		var now = services.now();
		trace.event(from.name(), QueueEventType.TRANSFERRED, now, null, target);
		var plan = services.callPlan();
		var queue = plan.queues().get(target);
		if (queue != null) return queue(queue, priority);
		var seat = services.acd().seats().stream().filter(s -> s.extension().equals(target)).findFirst();
		if (seat.isEmpty() && isOutsideNumber(target) && services.canDial()) return outside(from, priority, target);
		if (seat.isPresent() && seat.get().state() == AgentState.AVAILABLE) {
			try {
				services.acd().change(seat.get(), s -> s.offer(call.id(), services.now()));
				var rung = ring(from, List.of(seat.get()), services.now());
				if (rung.transferTo() != null) return transfer(from, priority, rung.transferTo());
				if (rung.talked()) return true;
			}
			catch (ConflictException busy) {
				// taken meanwhile: back to the queue below
			}
		}
		call.play(say(seat.isPresent() ? "您转接的坐席正忙，为您转回排队。" : "转接的号码无效，为您转回排队。"), false);
		return queue(from, priority);
	}

	/** A number to call through the trunk (a department's line), not an extension of the center. */
	static boolean isOutsideNumber(String target) {
		return target != null && target.matches("\\+?[0-9][0-9-]{2,24}");
	}

	/** Transfers the caller to an outside number; back to the queue when it does not answer. */
	private boolean outside(QueuePlan from, int priority, String number) {
		var digits = number.replaceAll("[^0-9+]", "");
		call.play(say("正在为您转接，请稍候。"), false);
		var offeredAt = services.now();
		var outcome = call.bridgeExternal(digits, OUTSIDE_RING, recordingName("outside"));
		var now = services.now();
		var talked = outcome.result() == BridgeOutcome.Result.TALKED;
		trace.leg(new CallTrace.Leg(outcome.agent(), outcome.agentCallId(), offeredAt, outcome.answeredAt().orElse(null), now,
				LegResult.of(outcome.result()), outcome.held().isZero() ? null : outcome.held().toMillis()));
		if (talked) {
			trace.event(from.name(), QueueEventType.OUTSIDE_ANSWERED, now, null, outcome.agent());
			trace.talkEndedAt = now;
			outcome.recording().ifPresent(r -> {
				if (trace.recording == null) trace.recording = r;
			});
			trace.hangupBy = outcome.endedBy().map(HangupBy::outside).orElse(null);
			return true;
		}
		if (outcome.result() == BridgeOutcome.Result.CALLER_LEFT) throw new CallGoneException(call.id());
		trace.event(from.name(),
				outcome.result() == BridgeOutcome.Result.NO_ANSWER ? QueueEventType.OUTSIDE_NO_ANSWER : QueueEventType.OUTSIDE_FAILED,
				now, null, outcome.agent());
		call.play(say("转接的号码无人接听，为您转回排队。"), false);
		return queue(from, priority);
	}

	static final Duration OUTSIDE_RING = Duration.ofSeconds(30);

	/** Rings the offered agents: talked, transferred, or nobody answered. */
	private Rung ring(QueuePlan q, List<Seat> seats, Instant waitingSince) {
		var offeredAt = services.now();
		var byExtension = new HashMap<String, Seat>();
		for (var s : seats) byExtension.put(s.extension(), s);
		trace.event(q.name(), QueueEventType.OFFERED, offeredAt, Duration.between(waitingSince, offeredAt).toMillis(),
				String.join(",", seats.stream().map(Seat::agent).toList()));
		var legs = new Legs(q, offeredAt);
		call.talkListener(legs);
		BridgeOutcome outcome;
		try {
			outcome = call.bridgeFirst(new ArrayList<>(byExtension.keySet()), q.ringTimeout(), recordingName("call"),
					extension -> answered(q, seats, byExtension.get(extension), legs, waitingSince));
		}
		catch (CallGoneException gone) {
			if (legs.winner == null && legs.outsideLeg == null) throw gone;
			outcome = null;
		}
		if (legs.winner == null && legs.outsideLeg != null) return endedOutside(legs, outcome);
		if (legs.winner != null) return endedWithAgent(q, legs, outcome);
		return nobodyAnswered(q, seats, outcome, offeredAt, waitingSince);
	}

	/**
	 * Who the caller talks with while the agents' leg runs: the agent who answered (changed by an
	 * attended transfer), or an outside line the call was handed to, and when the current leg was
	 * offered and answered. Kept up to date by the call's consults and handovers.
	 */
	private final class Legs implements TalkListener {

		private final QueuePlan q;

		private volatile Seat winner;

		private volatile String outsideLeg;

		// the leg the caller talks on now starts at the answer, or at a handover (attended transfer)
		private volatile Instant offeredAt;

		private volatile Instant answeredAt;

		Legs(QueuePlan q, Instant offeredAt) {
			this.q = q;
			this.offeredAt = offeredAt;
		}

		@Override
		public void consultEnded(String extension) {
			var now = services.now();
			trace.consulting = null;
			trace.conference = false;
			if (extension.startsWith(Call.EXTERNAL)) {
				trace.leg(new CallTrace.Leg(extension, null, now, null, now, LegResult.CONSULTED, null));
			}
			seatOf(extension).ifPresent(consulted -> {
				try {
					services.acd().change(consulted, s -> s.state() == AgentState.ON_CALL ? s.hungUp(false, now) : null);
				}
				catch (RuntimeException e) {
					log.debug("consulted agent {} changed state meanwhile: {}", consulted.agent(), e.getMessage());
				}
				trace.leg(new CallTrace.Leg(consulted.agent(), null, now, null, now, LegResult.CONSULTED, null));
			});
		}

		@Override
		public void handedOver(String from, String fromCallId, String to, String toCallId) {
			var now = services.now();
			trace.consulting = null;
			trace.conference = false;
			var first = winner;
			if (first != null) {
				hangUp(q, first, now);
				trace.leg(new CallTrace.Leg(first.agent(), fromCallId, offeredAt, answeredAt, now, LegResult.TRANSFERRED, null));
			}
			seatOf(to).ifPresent(next -> {
				winner = next;
				trace.agent = next.agent();
				trace.event(q.name(), QueueEventType.TRANSFERRED, now, null, next.agent());
			});
			if (to.startsWith(Call.EXTERNAL)) {
				// the caller now talks with an outside line: no seat of the center is on the call any more
				winner = null;
				outsideLeg = to;
				trace.event(q.name(), QueueEventType.TRANSFERRED, now, null, to);
			}
			offeredAt = now;
			answeredAt = now;
		}
	}

	/** The first agent to answer takes the call; the others are released. */
	private void answered(QueuePlan q, List<Seat> seats, Seat seat, Legs legs, Instant waitingSince) {
		stopIvrRecording();
		var now = services.now();
		legs.winner = seat;
		services.acd().change(seat, s -> s.answered(now));
		for (var other : seats) if (other != seat) release(other);
		trace.agent = seat.agent();
		// after a transfer the wait still ends at the first answer, and the talk runs from it
		if (trace.agentAnsweredAt == null) trace.agentAnsweredAt = now;
		legs.answeredAt = now;
		trace.disposition = CallDisposition.ANSWERED;
		trace.event(q.name(), QueueEventType.ANSWERED, now, Duration.between(waitingSince, now).toMillis(), seat.agent());
		services.answered(trace, seat);
	}

	/** Handed over to an outside line after a consult: the talk was the center's until then. */
	private Rung endedOutside(Legs legs, BridgeOutcome outcome) {
		var now = services.now();
		trace.talkEndedAt = now;
		trace.disposition = CallDisposition.ANSWERED;
		if (outcome == null) {
			trace.hangupBy = HangupBy.CALLER;
			throw new CallGoneException(call.id());
		}
		trace.hangupBy = outcome.endedBy().map(HangupBy::outside).orElse(null);
		outcome.recording().ifPresent(r -> trace.recording = r);
		trace.leg(new CallTrace.Leg(legs.outsideLeg, outcome.agentCallId(), legs.offeredAt, legs.answeredAt, now, LegResult.TALKED,
				outcome.held().isZero() ? null : outcome.held().toMillis()));
		return new Rung(true, null);
	}

	/** An agent talked with the caller: the leg, the hold, the wrap-up, or the blind transfer the agent made. */
	private Rung endedWithAgent(QueuePlan q, Legs legs, BridgeOutcome outcome) {
		var now = services.now();
		var seat = legs.winner;
		trace.talkEndedAt = now;
		if (outcome != null) {
			trace.hangupBy = outcome.endedBy().map(HangupBy::of).orElse(null);
			outcome.recording().ifPresent(r -> trace.recording = r);
			if (!outcome.held().isZero()) {
				trace.holdMillis = (trace.holdMillis == null ? 0 : trace.holdMillis) + outcome.held().toMillis();
			}
			trace.leg(new CallTrace.Leg(seat.agent(), outcome.agentCallId(), legs.offeredAt, legs.answeredAt, now, LegResult.ANSWERED,
					outcome.held().isZero() ? null : outcome.held().toMillis()));
		}
		else {
			trace.hangupBy = HangupBy.CALLER;
		}
		services.handled(q, Duration.between(trace.agentAnsweredAt, now));
		trace.disposition = CallDisposition.ANSWERED;
		hangUp(q, seat, now);
		if (outcome == null) throw new CallGoneException(call.id());
		if (outcome.result() == BridgeOutcome.Result.TRANSFERRED) {
			var answeredLeg = trace.legs.getLast();
			trace.legs.set(trace.legs.size() - 1, new CallTrace.Leg(seat.agent(), outcome.agentCallId(), answeredLeg.offeredAt(),
					answeredLeg.answeredAt(), now, LegResult.TRANSFERRED, answeredLeg.holdMillis()));
			return new Rung(false, outcome.transferTo().orElseThrow());
		}
		return new Rung(true, null);
	}

	/** The agent's call ended: wrap-up when the queue has one, else free at once. */
	private void hangUp(QueuePlan q, Seat seat, Instant now) {
		var acd = services.acd();
		var change = acd.change(seat, s -> s.hungUp(!q.wrapUp().isZero(), now));
		if (change != null && change.to() == AgentState.WRAP_UP) {
			acd.wrapUp(seat, change.at(), q.wrapUp());
		}
	}

	/** Nobody answered (or the caller left while they rang): each ring is a leg, and the agents who let it ring out are told. */
	private Rung nobodyAnswered(QueuePlan q, List<Seat> seats, BridgeOutcome outcome, Instant offeredAt, Instant waitingSince) {
		var now = services.now();
		var result = outcome.result();
		for (var s : seats) {
			trace.leg(new CallTrace.Leg(s.agent(), outcome.agentCallId(), offeredAt, null, now, LegResult.of(result), null));
			if (result == BridgeOutcome.Result.CALLER_LEFT) {
				release(s);
			}
			else {
				try {
					services.acd().change(s, x -> x.missed(q.maxNoAnswer(), now));
				}
				catch (RuntimeException e) {
					log.debug("agent {} changed state while ringing: {}", s.agent(), e.getMessage());
				}
			}
		}
		if (result == BridgeOutcome.Result.CALLER_LEFT) throw new CallGoneException(call.id());
		trace.event(q.name(), QueueEventType.NO_ANSWER, now, Duration.between(waitingSince, now).toMillis(),
				String.join(",", seats.stream().map(Seat::agent).toList()));
		return new Rung(false, null);
	}

	private Optional<Seat> seatOf(String extension) {
		return services.acd().seats().stream().filter(s -> s.extension().equals(extension)).findFirst();
	}

	private void release(Seat seat) {
		try {
			services.acd().change(seat, s -> s.state() == AgentState.RINGING ? s.released(services.now()) : null);
		}
		catch (RuntimeException e) {
			log.debug("releasing {}: {}", seat.agent(), e.getMessage());
		}
	}

	private boolean overflow(QueuePlan from, int priority, WaitingCall waiting) {
		var target = from.overflow();
		if (target.startsWith("queue:")) {
			return queue(services.callPlan().queues().get(target.substring(6)), priority);
		}
		if (target.equals("voicemail")) {
			voicemail("坐席繁忙，请在提示音后留下您的诉求和联系方式，按井号键结束，我们会尽快回复您。", Duration.ofSeconds(90),
					"您的留言已记录，我们会尽快处理，再见。");
			return false;
		}
		call.play(say("非常抱歉，当前坐席繁忙，请您稍后再拨。再见。"), false);
		trace.disposition = CallDisposition.NO_AGENT;
		call.hangup();
		return false;
	}

	private AudioClip music(Duration length) {
		var music = services.prompts().musicOnHold();
		int samples = (int) Math.max(1600, Math.min(length.toMillis(), 60_000) * 8);
		var out = new short[samples];
		var source = music.samples();
		for (int i = 0; i < samples; i++) out[i] = source[i % source.length];
		return new AudioClip("music", out);
	}

	private static String minutes(Duration wait) {
		long m = Math.max(1, (wait.toSeconds() + 59) / 60);
		return m + "分钟";
	}

	private AudioClip say(String text) {
		return services.prompts().say(text);
	}

	private AudioClip file(String file, String fallbackText) {
		try {
			return AudioClip.fromWav(Path.of(file));
		}
		catch (Exception e) {
			log.warn("Prompt file {} unusable ({}); speaking its text", file, e.getMessage());
			return say(fallbackText);
		}
	}

	private String recordingName(String kind) {
		var day = LocalDate.ofInstant(trace.startedAt, CallLog.CHINA);
		return "%d/%02d/%02d/%s-%s".formatted(day.getYear(), day.getMonthValue(), day.getDayOfMonth(), kind,
				trace.callId.value().replaceAll("[^A-Za-z0-9._-]", "_"));
	}
}
