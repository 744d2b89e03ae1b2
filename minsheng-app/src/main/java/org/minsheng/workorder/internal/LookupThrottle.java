package org.minsheng.workorder.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.minsheng.platform.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * Keeps the public status lookup from guessing phone digits: a client address gets a number of
 * lookups per window, and an order number whose digits were guessed wrong too often is closed to
 * lookups for the window, from every address. Held in memory per node; with several nodes the
 * limits apply per node.
 */
@Component
class LookupThrottle {

	private final Map<String, Deque<Instant>> byClient = new ConcurrentHashMap<>();

	private final Map<String, Deque<Instant>> failuresByOrder = new ConcurrentHashMap<>();

	private final WorkOrderSettings settings;

	private final Clock clock;

	LookupThrottle(WorkOrderSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/** Counts one attempt; throws when the client or the order is over its limit. */
	void attempt(String client, String orderNo) {
		var now = clock.instant();
		check(failuresByOrder, orderNo, settings.failuresPerOrder(), now, false,
				"Too many wrong attempts for this order number; try again later");
		check(byClient, client, settings.lookupsPerClient(), now, true, "Too many lookups; try again later");
	}

	void failed(String orderNo) {
		var times = failuresByOrder.computeIfAbsent(orderNo, k -> new ArrayDeque<>());
		synchronized (times) {
			times.addLast(clock.instant());
		}
	}

	private void check(Map<String, Deque<Instant>> map, String key, int limit, Instant now, boolean count,
			String message) {
		var window = settings.lookupWindow();
		var times = map.computeIfAbsent(key, k -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
				times.pollFirst();
			}
			if (times.size() >= limit) {
				var retry = java.time.Duration.between(now, times.peekFirst().plus(window)).toSeconds() + 1;
				throw new TooManyRequestsException(message, Math.max(1, retry));
			}
			if (count) {
				times.addLast(now);
			}
		}
		if (map.size() > 100_000) {
			map.entrySet().removeIf(e -> e.getValue().isEmpty());
		}
	}
}
