package org.minsheng.notification;

import java.time.OffsetDateTime;

/** One in-app notification. {@code link} is the console page it refers to. */
public record Notification(long id, String kind, String title, String body, String link, OffsetDateTime createdAt,
		OffsetDateTime readAt) {
}
