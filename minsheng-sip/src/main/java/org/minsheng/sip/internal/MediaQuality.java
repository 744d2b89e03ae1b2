package org.minsheng.sip.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the engine heard, over all closed RTP streams: packets received and lost (by sequence
 * numbers), and the distribution of each stream's highest interarrival jitter (RFC 3550), for the
 * figures the load benchmark reports.
 */
final class MediaQuality {

	private final LongAdder received = new LongAdder();
	private final LongAdder lost = new LongAdder();
	private final LongAdder streams = new LongAdder();
	private final double[] jitters = new double[100_000];
	private int count;

	private final LongAdder callerReceived = new LongAdder();
	private final LongAdder callerLost = new LongAdder();

	void record(RtpSession.Stats stats, boolean callerLeg) {
		if (stats.received() == 0) return;
		received.add(stats.received());
		lost.add(stats.lost());
		if (callerLeg) {
			callerReceived.add(stats.received());
			callerLost.add(stats.lost());
		}
		streams.increment();
		synchronized (this) {
			jitters[count % jitters.length] = stats.maxJitterMillis();
			count++;
		}
	}

	long received() {
		return received.sum();
	}

	long lost() {
		return lost.sum();
	}

	long callerReceived() {
		return callerReceived.sum();
	}

	long callerLost() {
		return callerLost.sum();
	}

	long streams() {
		return streams.sum();
	}

	synchronized double jitterPercentile(double p) {
		int n = Math.min(count, jitters.length);
		if (n == 0) return 0;
		double[] copy = Arrays.copyOf(jitters, n);
		Arrays.sort(copy);
		return copy[Math.min(n - 1, (int) Math.ceil(p * n) - 1)];
	}
}
