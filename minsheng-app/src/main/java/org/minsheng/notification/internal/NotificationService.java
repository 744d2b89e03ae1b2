package org.minsheng.notification.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.UserId;
import org.minsheng.notification.Notification;
import org.minsheng.notification.Notifications;
import org.minsheng.notification.NoticesSent;
import org.minsheng.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class NotificationService implements Notifications {

	private final JdbcTemplate jdbc;

	private final CurrentActor current;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	NotificationService(JdbcTemplate jdbc, CurrentActor current, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.current = current;
		this.clock = clock;
		this.events = events;
	}

	/** Adds the notification for each recipient that does not have one with this key yet. */
	int notify(List<UserId> recipients, String dedupKey, String kind, String title, String body, String link) {
		var now = OffsetDateTime.now(clock);
		var rows = recipients.stream()
			.map(r -> new Object[] { r.value(), dedupKey, kind, title, body, link, now, r.value(), dedupKey })
			.toList();
		int added = 0;
		var told = new java.util.ArrayList<Long>();
		int[] counts = jdbc.batchUpdate("insert into notification (recipient_id, dedup_key, kind, title, body, link,"
				+ " created_at) select ?, ?, ?, ?, ?, ?, ? from (values (1)) as one (x) where not exists"
				+ " (select 1 from notification where recipient_id = ? and dedup_key = ?)", rows);
		for (int i = 0; i < counts.length; i++) {
			// a driver that does not count batched rows (a negative number) has added it
			if (counts[i] != 0) told.add(recipients.get(i).value());
			added += Math.max(counts[i], 0);
		}
		if (!told.isEmpty()) events.publishEvent(new NoticesSent(told, kind, title, body, link));
		return added;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Notification> mine(boolean unreadOnly, int limit) {
		var me = current.get().userId().value();
		return jdbc.query("select id, kind, title, body, link, created_at, read_at from notification where recipient_id = ?"
				+ (unreadOnly ? " and read_at is null" : "") + " order by id desc fetch first "
				+ Math.max(1, Math.min(limit, 500)) + " rows only",
				(rs, n) -> new Notification(rs.getLong("id"), rs.getString("kind"), rs.getString("title"),
						rs.getString("body"), rs.getString("link"), rs.getObject("created_at", OffsetDateTime.class),
						rs.getObject("read_at", OffsetDateTime.class)),
				me);
	}

	@Override
	@Transactional(readOnly = true)
	public long unreadCount() {
		Long n = jdbc.queryForObject("select count(*) from notification where recipient_id = ? and read_at is null",
				Long.class, current.get().userId().value());
		return n == null ? 0 : n;
	}

	@Override
	public void markRead(long id) {
		var me = current.get().userId().value();
		if (jdbc.update("update notification set read_at = coalesce(read_at, ?) where id = ? and recipient_id = ?",
				OffsetDateTime.now(clock), id, me) == 0) {
			throw new NotFoundException("通知", id);
		}
	}

	@Override
	public int markAllRead() {
		return jdbc.update("update notification set read_at = ? where recipient_id = ? and read_at is null",
				OffsetDateTime.now(clock), current.get().userId().value());
	}
}
