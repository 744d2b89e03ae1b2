package org.minsheng.testsupport;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for work that happens after a commit (event listeners) to show, instead of sleeping a fixed time. */
public final class Eventually {

	private Eventually() {
	}

	/** Returns the first value that passes {@code check}, polling for up to {@code limit}; fails otherwise. */
	public static <T> T value(Supplier<T> probe, java.util.function.Predicate<T> check, Duration limit) {
		var deadline = System.nanoTime() + limit.toNanos();
		T last = probe.get();
		while (!check.test(last)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Still not as expected after " + limit + ": " + last);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
			last = probe.get();
		}
		return last;
	}
}
