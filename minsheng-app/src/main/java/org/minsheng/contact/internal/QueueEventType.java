package org.minsheng.contact.internal;

import org.minsheng.sip.DialResult;

/** What happened to a call in a queue, as {@code contact_queue_event} keeps it. */
enum QueueEventType {

	ENTERED, OFFERED, ANSWERED, NO_ANSWER, ABANDONED, OVERFLOWED, TRANSFERRED, CONSULTED,
	/** The caller chose to be called back instead of waiting. */
	CALLBACK_REQUESTED,
	/** An attempt to call the caller back, by how the dial ended. */
	CALLBACK_ANSWERED, CALLBACK_NO_ANSWER, CALLBACK_BUSY, CALLBACK_FAILED,
	/** The promised callback was given up after its attempts. */
	CALLBACK_GAVE_UP,
	/** A transfer to a number outside the center, by how it ended. */
	OUTSIDE_ANSWERED, OUTSIDE_NO_ANSWER, OUTSIDE_FAILED;

	static QueueEventType callback(DialResult.Outcome outcome) {
		return switch (outcome) {
			case ANSWERED -> CALLBACK_ANSWERED;
			case NO_ANSWER -> CALLBACK_NO_ANSWER;
			case BUSY -> CALLBACK_BUSY;
			case FAILED -> CALLBACK_FAILED;
		};
	}
}
