package org.minsheng.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures per key within a sliding window, held in memory on this node: the throttles of logins
 * and of the citizens' status look-up count wrong guesses by source address, by account or order,
 * and by the pair of them. Each failure may carry a tag (the source of a failure on an account), so
 * that "many failures from many sources" can be told from "many failures from one".
 */
public final class FailureWindow {

	private record Failure(Instant at, String tag) {
	}

	private final Duration window;

	private final Clock clock;

	private final Map<String, Deque<Failure>> byKey = new ConcurrentHashMap<>();

	public FailureWindow(Duration window, Clock clock) {
		if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("A window must be positive");
		this.window = window;
		this.clock = clock;
	}

	/** Counts one failure of the key; returns how many it has within the window now. */
	public int add(String key, String tag) {
		var now = clock.instant();
		var failures = byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
		int n;
		synchronized (failures) {
			expire(failures, now);
			failures.addLast(new Failure(now, tag));
			n = failures.size();
		}
		if (byKey.size() > 200_000) sweep(now);
		return n;
	}

	/** How many failures the key has within the window. */
	public int count(String key) {
		var failures = byKey.get(key);
		if (failures == null) return 0;
		synchronized (failures) {
			expire(failures, clock.instant());
			return failures.size();
		}
	}

	/** How many different tags the key's failures within the window carry. */
	public int distinctTags(String key) {
		var failures = byKey.get(key);
		if (failures == null) return 0;
		synchronized (failures) {
			expire(failures, clock.instant());
			var tags = new HashSet<String>();
			failures.forEach(f -> tags.add(f.tag()));
			return tags.size();
		}
	}

	/** Seconds until the key has one failure fewer (at least 1). */
	public long secondsUntilOneExpires(String key) {
		var failures = byKey.get(key);
		if (failures == null) return 1;
		synchronized (failures) {
			var oldest = failures.peekFirst();
			if (oldest == null) return 1;
			return Math.max(1, Duration.between(clock.instant(), oldest.at().plus(window)).toSeconds() + 1);
		}
	}

	/** Forgets the key's failures (after the right answer from the same source). */
	public void clear(String key) {
		byKey.remove(key);
	}

	private void expire(Deque<Failure> failures, Instant now) {
		var since = now.minus(window);
		while (!failures.isEmpty() && !failures.peekFirst().at().isAfter(since)) {
			failures.pollFirst();
		}
	}

	private void sweep(Instant now) {
		byKey.entrySet().removeIf(e -> {
			synchronized (e.getValue()) {
				expire(e.getValue(), now);
				return e.getValue().isEmpty();
			}
		});
	}
}
