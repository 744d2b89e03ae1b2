package org.minsheng.notification;

import java.util.List;

/**
 * Notices were added for people (in the transaction of the step that caused them): who gets one, and
 * what it says. Consoles that are open show it at once when the step has committed.
 */
public record NoticesSent(List<Long> recipientIds, String kind, String title, String body, String link) {

	public NoticesSent {
		recipientIds = List.copyOf(recipientIds);
	}
}
