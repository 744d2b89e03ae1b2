package org.minsheng.sip.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per source address: each address may send {@code perSecond} requests a second, with bursts up to
 * twice that. Buckets of quiet addresses are forgotten so the table cannot grow without bound.
 */
final class FloodGuard {

	private final double perSecond;
	private final double burst;
	private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
	private volatile long lastSweep = System.nanoTime();

	private static final class Bucket {
		double tokens;
		long at;

		Bucket(double tokens, long at) {
			this.tokens = tokens;
			this.at = at;
		}
	}

	FloodGuard(int perSecond) {
		this.perSecond = perSecond;
		this.burst = perSecond * 2.0;
	}

	/** Whether a request from {@code address} may be served now. */
	boolean admit(String address) {
		long now = System.nanoTime();
		sweep(now);
		Bucket b = buckets.computeIfAbsent(address, a -> new Bucket(burst, now));
		synchronized (b) {
			b.tokens = Math.min(burst, b.tokens + (now - b.at) / 1e9 * perSecond);
			b.at = now;
			if (b.tokens < 1) return false;
			b.tokens -= 1;
			return true;
		}
	}

	private void sweep(long now) {
		if (now - lastSweep < 60_000_000_000L) return;
		lastSweep = now;
		buckets.entrySet().removeIf(e -> now - e.getValue().at > 60_000_000_000L);
	}
}
