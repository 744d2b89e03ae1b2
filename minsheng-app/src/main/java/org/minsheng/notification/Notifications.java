package org.minsheng.notification;

import java.util.List;

/** The current user's notifications. */
public interface Notifications {

	List<Notification> mine(boolean unreadOnly, int limit);

	long unreadCount();

	void markRead(long id);

	int markAllRead();
}
