package org.minsheng.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.notification.WebhookSubscriptions;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.minsheng.privacy.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Outgoing webhooks for integrations. Each event becomes one delivery per matching subscription
 * (stored with the event's key, so it is made once); a sender posts it with an HMAC-SHA256
 * signature over {@code timestamp + "." + body} and retries failures with growing pauses.
 */
@Component
class Webhooks implements WebhookSubscriptions {

	private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

	static final int MAX_ATTEMPTS = 8;

	static final Duration FIRST_RETRY = Duration.ofSeconds(30);

	private static final Duration CLAIM = Duration.ofMinutes(2);



	private final JdbcTemplate jdbc;

	private final PersonalDataCipher cipher;

	private final CurrentActor current;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** Enabled subscriptions (id, events), read again after 30 s or after a change on this node. */
	private volatile List<Object[]> enabled;

	private volatile long enabledReadAt;

	Webhooks(JdbcTemplate jdbc, PersonalDataCipher cipher, CurrentActor current, AuditTrail audit, JsonMapper json,
			Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.current = current;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Created subscribe(String url, List<String> events) {
		require();
		URI uri;
		try {
			uri = URI.create(url == null ? "" : url.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldException("url", "不是有效的网址：" + url);
		}
		if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
				|| uri.getHost() == null) {
			throw new InvalidFieldException("url", "Webhook 地址须为完整的 http(s) 网址");
		}
		if (events == null || events.isEmpty() || events.stream().anyMatch(e -> e == null || !e.matches("[a-z*.-]{1,60}"))) {
			throw new InvalidFieldException("events", "请填写订阅的事件，如 work-order.dispatched 或 work-order.*");
		}
		var bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		var secret = "whsec_" + HexFormat.of().formatHex(bytes);
		var now = OffsetDateTime.now(clock);
		var keys = new GeneratedKeyHolder();
		jdbc.update(con -> {
			var ps = con.prepareStatement("insert into webhook_subscription (url, secret, events, created_at)"
					+ " values (?, ?, ?, ?)", new String[] { "id" });
			ps.setString(1, uri.toString());
			ps.setString(2, cipher.encrypt(secret));
			ps.setString(3, String.join(",", events));
			ps.setObject(4, now);
			return ps;
		}, keys);
		long id = keys.getKey().longValue();
		enabled = null;
		audit.record(AuditRecord.of(AuditAction.WEBHOOK_SUBSCRIBED, "webhook", id, uri + " " + events));
		return new Created(new Subscription(id, uri.toString(), List.copyOf(events), true, now), secret);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Subscription> subscriptions() {
		require();
		return jdbc.query("select id, url, events, enabled, created_at from webhook_subscription order by id",
				(rs, n) -> new Subscription(rs.getLong("id"), rs.getString("url"),
						Arrays.asList(rs.getString("events").split(",")), rs.getBoolean("enabled"),
						rs.getObject("created_at", OffsetDateTime.class)));
	}

	@Override
	@Transactional
	public void unsubscribe(long id) {
		require();
		if (jdbc.update("update webhook_subscription set enabled = false where id = ? and enabled = true", id) == 0) {
			throw new NotFoundException("Webhook 订阅", id);
		}
		enabled = null;
		audit.record(AuditRecord.of(AuditAction.WEBHOOK_UNSUBSCRIBED, "webhook", id, null));
	}

	/** Queues the event for every enabled subscription that wants it; runs in the listener's transaction. */
	void enqueue(String type, String eventId, Map<String, Object> data) {
		var now = OffsetDateTime.now(clock);
		String payload = null;
		var subscriptions = enabled;
		if (subscriptions == null || System.nanoTime() - enabledReadAt > Duration.ofSeconds(30).toNanos()) {
			subscriptions = jdbc.query("select id, events from webhook_subscription where enabled = true",
					(rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) });
			enabled = subscriptions;
			enabledReadAt = System.nanoTime();
		}
		for (var s : subscriptions) {
			if (wants((String) s[1], type)) {
				if (payload == null) {
					payload = json.writeValueAsString(Map.of("id", eventId, "type", type, "data", data));
				}
				jdbc.update("insert into webhook_delivery (subscription_id, event_id, event_type, payload, next_attempt_at,"
						+ " created_at) select ?, ?, ?, ?, ?, ? from (values (1)) as one (x) where not exists"
						+ " (select 1 from webhook_delivery where subscription_id = ? and event_id = ?)", s[0], eventId,
						type, payload, now, now, s[0], eventId);
			}
		}
	}

	static boolean wants(String subscribed, String type) {
		for (var pattern : subscribed.split(",")) {
			if (pattern.equals(type) || (pattern.endsWith("*") && type.startsWith(pattern.substring(0, pattern.length() - 1)))) {
				return true;
			}
		}
		return false;
	}

	@Scheduled(fixedDelayString = "${minsheng.notification.webhook-interval:5s}")
	void scheduled() {
		try {
			deliverDue();
		}
		catch (RuntimeException e) {
			log.warn("Webhook delivery run failed; it runs again at the next interval", e);
		}
	}

	/** Posts every delivery whose time has come; returns how many were delivered. */
	int deliverDue() {
		var now = OffsetDateTime.now(clock);
		var due = jdbc.query("select d.id, d.event_id, d.event_type, d.payload, d.attempts, s.url, s.secret,"
				+ " d.next_attempt_at"
				+ " from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id"
				+ " where d.next_attempt_at <= ? and d.delivered_at is null and s.enabled = true"
				+ " order by d.next_attempt_at fetch first 100 rows only",
				(rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
						rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class) },
				now);
		int delivered = 0;
		for (var d : due) {
			long id = (Long) d[0];
			// claim the delivery for a while, so another node or run does not post it at the same time
			if (jdbc.update("update webhook_delivery set next_attempt_at = ? where id = ? and next_attempt_at = ?",
					now.plus(CLAIM), id, d[7]) != 1) {
				continue;
			}
			int attempts = (Integer) d[4] + 1;
			String error;
			try {
				var timestamp = Long.toString(clock.instant().getEpochSecond());
				var body = (String) d[3];
				var request = HttpRequest.newBuilder(URI.create((String) d[5]))
					.timeout(Duration.ofSeconds(10))
					.header("Content-Type", "application/json")
					.header("User-Agent", "Minsheng-Webhook/1")
					.header("X-Minsheng-Event", (String) d[2])
					.header("X-Minsheng-Delivery", (String) d[1])
					.header("X-Minsheng-Timestamp", timestamp)
					.header("X-Minsheng-Signature", "sha256=" + sign(cipher.decrypt((String) d[6]), timestamp, body))
					.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
					.build();
				var response = http.send(request, HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() / 100 == 2) {
					jdbc.update("update webhook_delivery set attempts = ?, delivered_at = ?, next_attempt_at = null,"
							+ " last_error = null where id = ?", attempts, OffsetDateTime.now(clock), id);
					delivered++;
					continue;
				}
				error = "HTTP " + response.statusCode();
			}
			catch (IOException | IllegalArgumentException e) {
				error = e.getClass().getSimpleName() + ": " + e.getMessage();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return delivered;
			}
			var next = attempts >= MAX_ATTEMPTS ? null
					: OffsetDateTime.now(clock).plus(FIRST_RETRY.multipliedBy(1L << (attempts - 1)));
			jdbc.update("update webhook_delivery set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?",
					attempts, next, error.length() > 500 ? error.substring(0, 500) : error, id);
		}
		return delivered;
	}

	/** Hex HMAC-SHA256 of {@code timestamp + "." + body}: what a receiver recomputes to check a delivery. */
	static String sign(String secret, String timestamp, String body) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private void require() {
		current.get().require(Permission.INTEGRATION_ADMIN);
	}
}
