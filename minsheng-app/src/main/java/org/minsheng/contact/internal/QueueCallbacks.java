package org.minsheng.contact.internal;

import org.minsheng.contact.QueueEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.minsheng.contact.AgentState;
import org.minsheng.privacy.PersonalDataKind;
import org.minsheng.sip.Call;
import org.minsheng.sip.CallId;
import org.minsheng.sip.DialResult;
import org.minsheng.sip.SipEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callbacks promised to callers who chose not to wait (排队回呼): each keeps the caller's place
 * in the queue, is stored as soon as it is promised (so a restart places it still), and is dialled
 * when the caller's turn comes, again after the queue's retry wait when nobody answers, up to its
 * attempts. An answered callback runs the call's flow like any other call.
 */
final class QueueCallbacks {

	private static final Logger log = LoggerFactory.getLogger(QueueCallbacks.class);

	/** Runs a call's flow with its record kept, as the contact service does for every call. */
	interface CallRunner {

		void run(Call call, CallTrace trace, Consumer<FlowRunner> work);
	}

	private final CallbackRequests callbacks;

	private final CallLog callLog;

	private final Acd acd;

	private final ContactSettings settings;

	private final Supplier<SipEngine> engine;

	private final Supplier<CallPlan> plan;

	private final Supplier<Instant> now;

	private final CallRunner runner;

	/** The promised callbacks this node is placing now, by the call they were promised in. */
	private final Map<CallId, Boolean> callingBack = new ConcurrentHashMap<>();

	QueueCallbacks(CallbackRequests callbacks, CallLog callLog, Acd acd, ContactSettings settings,
			Supplier<SipEngine> engine, Supplier<CallPlan> plan, Supplier<Instant> now, CallRunner runner) {
		this.callbacks = callbacks;
		this.callLog = callLog;
		this.acd = acd;
		this.settings = settings;
		this.engine = engine;
		this.plan = plan;
		this.now = now;
		this.runner = runner;
	}

	/**
	 * The callbacks promised before a restart (or a crash) and not yet placed: back in line with the
	 * place they had, and called as agents come free, with the attempts already made counted.
	 */
	void placeOwed() {
		for (var owed : callbacks.waiting()) {
			if (callingBack.containsKey(owed.callId())) continue;
			var queue = plan.get().queues().get(owed.queue());
			if (queue == null) {
				log.warn("A callback promised in call {} waits in queue {}, which the call plan no longer has; given up",
						owed.callId(), owed.queue());
				callbacks.gaveUp(owed.callId());
				callLog.event(owed.callId(), owed.queue(), QueueEventType.CALLBACK_GAVE_UP, now.get(), null, null);
				continue;
			}
			var waiting = acd.enqueue(owed.callId(), owed.number(), queue, owed.priority(), owed.enqueuedAt(), () -> { });
			log.info("Placing the callback promised in call {} ({} attempts made before the restart)", owed.callId(),
					owed.attempts());
			startCallingBack(queue, waiting, owed.number(), owed.callId(), owed.attempts());
		}
	}

	/** Keeps the promise (so a restart does not lose it) and starts calling back when the caller's turn comes. */
	void promise(QueuePlan queue, WaitingCall waiting, String number, CallId callId) {
		callbacks.promised(callId, queue.name(), number, waiting.priority, waiting.enqueuedAt);
		startCallingBack(queue, waiting, number, callId, 0);
	}

	private void startCallingBack(QueuePlan queue, WaitingCall waiting, String number, CallId callId, int attemptsMade) {
		callingBack.put(callId, true);
		Thread.ofVirtual().name("callback-" + LiveCallControl.auditId(callId)).start(() -> {
			try {
				callBack(queue, waiting, number, callId, attemptsMade);
			}
			finally {
				callingBack.remove(callId);
			}
		});
	}

	/**
	 * Waits for the caller's turn, then calls them: answered, they go to the agents offered; not
	 * answered, their place is kept and they are called again after the queue's retry wait, up to its
	 * attempts. Every attempt is a queue event of the call they asked from.
	 */
	private void callBack(QueuePlan queue, WaitingCall waiting, String number, CallId originalCallId, int attemptsMade) {
		for (int attempt = attemptsMade + 1; ; attempt++) {
			List<Seat> seats;
			try {
				seats = waiting.offer().get();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (ExecutionException e) {
				return;
			}
			var e = engine.get();
			var result = e == null ? null : e.dial(number, settings.callbackRingTimeout());
			var at = now.get();
			var outcome = QueueEventType.callback(result == null ? DialResult.Outcome.FAILED : result.outcome());
			callLog.event(originalCallId, queue.name(), outcome, at,
					Duration.between(waiting.enqueuedAt, at).toMillis(), null);
			callbacks.attempted(originalCallId, attempt);
			if (result != null && result.answered()) {
				callbacks.done(originalCallId);
				var call = result.call().orElseThrow();
				var trace = new CallTrace(call.id(), call.caller(), call.dialled(), at);
				trace.callbackOf = originalCallId;
				runner.run(call, trace, flow -> flow.runCallback(queue, waiting, seats));
				return;
			}
			for (var seat : seats) {
				try {
					acd.change(seat, s -> s.state() == AgentState.RINGING ? s.released(now.get()) : null);
				}
				catch (RuntimeException raced) {
					log.debug("releasing {} after a callback attempt: {}", seat.agent(), raced.getMessage());
				}
			}
			if (attempt >= queue.callback().attempts()) {
				callbacks.gaveUp(originalCallId);
				callLog.event(originalCallId, queue.name(), QueueEventType.CALLBACK_GAVE_UP, now.get(), null, null);
				log.info("Gave up calling back {} for call {} after {} attempts", PersonalDataKind.PHONE.mask(number),
						originalCallId, attempt);
				return;
			}
			try {
				Thread.sleep(queue.callback().retry());
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				return;
			}
			acd.requeue(waiting);
		}
	}

}
