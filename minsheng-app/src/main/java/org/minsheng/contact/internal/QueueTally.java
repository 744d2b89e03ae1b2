package org.minsheng.contact.internal;

import org.minsheng.contact.QueueEventType;

/**
 * A queue's calls of the day as the wallboard counts them: entered, answered (and of those within
 * the service-level target), abandoned. Stored events and those of calls still going on are added
 * to the same tally.
 */
final class QueueTally {

	long entered;

	long answered;

	long answeredInTarget;

	long abandoned;

	/** Adds {@code count} events of the type, {@code inTarget} of them within the target wait. */
	void add(QueueEventType type, long count, long inTarget) {
		switch (type) {
			case ENTERED -> entered += count;
			case ANSWERED -> {
				answered += count;
				answeredInTarget += inTarget;
			}
			case ABANDONED -> abandoned += count;
			default -> {
			}
		}
	}

	/** Calls that left the queue one way or the other. */
	long finished() {
		return answered + abandoned;
	}
}
