package org.minsheng.understanding.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When requests count as alike: how similar two texts must be (the estimated Jaccard similarity of
 * their character pairs) and how far back open orders are compared for 疑似重复; and how many alike
 * requests from one district within how long make a possible mass issue (群体诉求). Each center sets
 * its own; a value that makes no sense stops the start with the setting's name.
 */
@Component
class LikenessPolicy {

	private final Duration duplicateWindow;

	private final double similarity;

	private final int burstSize;

	private final Duration burstWindow;

	LikenessPolicy(@Value("${minsheng.nlp.duplicate-window:7d}") Duration duplicateWindow,
			@Value("${minsheng.nlp.duplicate-similarity:0.4}") double similarity,
			@Value("${minsheng.nlp.burst-size:5}") int burstSize,
			@Value("${minsheng.nlp.burst-window:24h}") Duration burstWindow) {
		if (duplicateWindow.isNegative() || duplicateWindow.isZero()) {
			throw new IllegalArgumentException("minsheng.nlp.duplicate-window must be longer than zero, e.g. 7d");
		}
		if (!(similarity > 0 && similarity <= 1)) {
			throw new IllegalArgumentException("minsheng.nlp.duplicate-similarity lies in (0, 1], e.g. 0.4");
		}
		if (burstSize < 2) {
			throw new IllegalArgumentException("minsheng.nlp.burst-size is 2 or more, e.g. 5");
		}
		if (burstWindow.isNegative() || burstWindow.isZero()) {
			throw new IllegalArgumentException("minsheng.nlp.burst-window must be longer than zero, e.g. 24h");
		}
		this.duplicateWindow = duplicateWindow;
		this.similarity = similarity;
		this.burstSize = burstSize;
		this.burstWindow = burstWindow;
	}

	Duration duplicateWindow() {
		return duplicateWindow;
	}

	boolean alike(double score) {
		return score >= similarity;
	}

	Duration burstWindow() {
		return burstWindow;
	}

	/** Whether this many alike requests (the new one included) are a possible mass issue. */
	boolean burst(int alike) {
		return alike >= burstSize;
	}
}
