package org.minsheng.sip.internal;

import java.util.concurrent.atomic.AtomicInteger;

/** Hands out even RTP ports round the configured range (RTCP would take the odd one above). */
final class RtpPorts {

	private final int min;
	private final int count;
	private final AtomicInteger next = new AtomicInteger();

	RtpPorts(int min, int max) {
		this.min = min + (min & 1);
		this.count = (max - this.min) / 2 + 1;
	}

	int next() {
		return min + 2 * Math.floorMod(next.getAndIncrement(), count);
	}

	int size() {
		return count;
	}

	@Override
	public String toString() {
		return min + "-" + (min + 2 * (count - 1));
	}
}
