package org.minsheng.contact.internal;

import org.minsheng.sip.CallId;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A caller waiting in a queue. The ACD completes {@link #offer} with the agents to ring and wakes
 * the caller's flow (which is playing music) through {@code wake}.
 */
final class WaitingCall {

	final CallId callId;

	final String caller;

	final int priority;

	final Instant enqueuedAt;

	/** Stops what the waiting caller hears (music) when agents are offered; replaced for a callback. */
	volatile Runnable wake;

	volatile QueuePlan queue;

	private final AtomicReference<CompletableFuture<List<Seat>>> offer = new AtomicReference<>(new CompletableFuture<>());

	WaitingCall(CallId callId, String caller, QueuePlan queue, int priority, Instant enqueuedAt, Runnable wake) {
		this.callId = callId;
		this.caller = caller;
		this.queue = queue;
		this.priority = priority;
		this.enqueuedAt = enqueuedAt;
		this.wake = wake;
	}

	CompletableFuture<List<Seat>> offer() {
		return offer.get();
	}

	void offered(List<Seat> seats) {
		offer.get().complete(seats);
		wake.run();
	}

	/** Back in line after the agents rang out: same place, new offer. */
	void rearm() {
		offer.set(new CompletableFuture<>());
	}
}
