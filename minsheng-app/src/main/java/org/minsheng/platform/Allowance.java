package org.minsheng.platform;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * So many times per window for each key (a client address, an account, an order, a pair of them),
 * held on this node as Bucket4j token buckets: each use takes a token, and the tokens come back one
 * by one over the window, so a key that has used up its allowance may go on at the pace the window
 * allows and is whole again after a full window. Keys not used for a window are dropped (Caffeine), so
 * a flood of addresses does not fill the memory. Time is the application's clock.
 */
public final class Allowance {

	private final int times;

	private final Duration window;

	private final TimeMeter time;

	private final Cache<String, Bucket> buckets;

	public Allowance(int times, Duration window, Clock clock) {
		if (times < 1) throw new IllegalArgumentException("An allowance is at least once");
		if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("A window must be positive");
		this.times = times;
		this.window = window;
		this.time = new ClockTime(clock);
		this.buckets = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(1_000_000).build();
	}

	/** Whether the key has none of its allowance left now. */
	public boolean usedUp(String key) {
		var bucket = buckets.getIfPresent(key);
		return bucket != null && bucket.getAvailableTokens() < 1;
	}

	/** Uses one of the key's allowance (none left: stays at none); returns how many of it are used now. */
	public int use(String key) {
		var bucket = buckets.get(key, k -> Bucket.builder()
			.addLimit(limit -> limit.capacity(times).refillGreedy(times, window))
			.withCustomTimePrecision(time)
			.build());
		bucket.tryConsume(1);
		return (int) (times - bucket.getAvailableTokens());
	}

	/** Whole seconds until the key may be used once more (at least 1). */
	public long secondsUntilNext(String key) {
		var bucket = buckets.getIfPresent(key);
		if (bucket == null) return 1;
		long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
		return Math.max(1, (nanos + 999_999_999) / 1_000_000_000);
	}

	/** Gives the key its whole allowance back (after the right answer from the same source). */
	public void restore(String key) {
		buckets.invalidate(key);
	}

	/** Bucket4j's time from the application's clock, so tests that move the clock move the buckets. */
	private record ClockTime(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			var now = clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}
	}
}
