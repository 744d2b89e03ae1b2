package org.minsheng.notification;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Other systems subscribe to the hotline's events (work-order.dispatched, work-order.*): each
 * delivery is signed with the subscription's secret, shown once when it is made.
 */
public interface WebhookSubscriptions {

	record Subscription(long id, String url, List<String> events, boolean enabled, OffsetDateTime createdAt) {
	}

	/** The new subscription and its signing secret (not shown again). */
	record Created(Subscription subscription, String secret) {
	}

	Created subscribe(String url, List<String> events);

	List<Subscription> subscriptions();

	void unsubscribe(long id);
}
