package org.minsheng.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minsheng.workorder.WorkOrderFixture.ok;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minsheng.identity.DepartmentId;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.Eventually;
import org.minsheng.testsupport.TestClock;
import org.minsheng.workorder.WorkOrderDispatched;
import org.minsheng.workorder.WorkOrderFixture;
import org.minsheng.workorder.WorkOrderNo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/** In-app notices for departments and signed webhooks for integrations, driven by work-order events. */
abstract class NotificationContract extends ApplicationTest {

	@Autowired
	Webhooks webhooks;

	@Autowired
	WorkOrderNotices notices;

	@Autowired
	TransactionTemplate tx;

	WorkOrderFixture hotline;

	HttpServer receiver;

	record Received(String event, String delivery, String timestamp, String signature, String body) {
	}

	final List<Received> received = new CopyOnWriteArrayList<>();

	final AtomicInteger failuresLeft = new AtomicInteger();

	@BeforeEach
	void hotline() throws IOException {
		hotline = new WorkOrderFixture(api, given);
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			var h = exchange.getRequestHeaders();
			received.add(new Received(h.getFirst("X-Minsheng-Event"), h.getFirst("X-Minsheng-Delivery"),
					h.getFirst("X-Minsheng-Timestamp"), h.getFirst("X-Minsheng-Signature"), body));
			exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : 204, -1);
			exchange.close();
		});
		receiver.start();
	}

	@AfterEach
	void stop() {
		receiver.stop(0);
		TestClock.INSTANCE.reset();
	}

	@Test
	void theHandlersOfTheLeadDepartmentAreToldOfANewOrder() {
		var no = hotline.dispatchedTo(hotline.district, hotline.bureau);

		var notices = Eventually.value(() -> ok(hotline.districtHandler.get("/api/notifications?unread=true")),
				list -> list.toString().contains(no), Duration.ofSeconds(10));
		var bureau = Eventually.value(() -> ok(hotline.bureauHandler.get("/api/notifications")),
				list -> list.toString().contains(no), Duration.ofSeconds(10));

		var notice = notices.get(0);
		assertThat(notice.get("title").asString()).isEqualTo("新工单待签收 " + no);
		assertThat(notice.get("link").asString()).isEqualTo("/console/work-orders/" + no);
		assertThat(bureau.get(0).get("title").asString()).startsWith("新协办工单");
		assertThat(ok(hotline.streetHandler.get("/api/notifications")).toString()).doesNotContain(no);

		ok(hotline.districtHandler.post("/api/notifications/" + notice.get("id").asLong() + "/read", null));
		assertThat(ok(hotline.districtHandler.get("/api/notifications?unread=true")).toString()).doesNotContain(no);
		assertThat(hotline.streetHandler.post("/api/notifications/" + notice.get("id").asLong() + "/read", null)
			.status()).as("someone else's notice").isEqualTo(404);
	}

	@Test
	void theCenterHearsOfAReturnedOrderAndOfAReplyToReview() {
		var no = hotline.dispatchedTo(hotline.otherDistrict);
		ok(hotline.otherHandler.post("/api/work-orders/" + no + "/return", Map.of("reason", "不属本区")));

		var returned = Eventually.value(() -> ok(hotline.dispatcher.get("/api/notifications?unread=true&limit=500")),
				list -> list.toString().contains("工单被退回 " + no), Duration.ofSeconds(10));
		assertThat(returned.toString()).contains("不属本区");

		ok(hotline.dispatcher.post("/api/work-orders/" + no + "/dispatch", WorkOrderFixture.dispatch(hotline.district)));
		ok(hotline.districtHandler.post("/api/work-orders/" + no + "/sign", null));
		ok(hotline.districtHandler.post("/api/work-orders/" + no + "/reply",
				Map.of("resultType", "RESOLVED", "content", "已处理")));
		Eventually.value(() -> ok(hotline.dispatcher.get("/api/notifications?unread=true&limit=500")),
				list -> list.toString().contains("工单待审核 " + no), Duration.ofSeconds(10));
		assertThat(ok(hotline.districtHandler.get("/api/notifications")).toString()).doesNotContain("工单被退回 " + no);
	}

	@Test
	void aStepsNoticesCommitWithTheStepAndRollBackWithIt() {
		var no = hotline.dispatchedTo(hotline.district);
		assertThat(ok(hotline.districtHandler.get("/api/notifications?unread=true")).toString())
			.as("readable as soon as the dispatch answers: written in the dispatch's transaction").contains(no);
		long before = count("select count(*) from notification where title = ?", "新工单待签收 " + no);

		tx.executeWithoutResult(s -> {
			notices.on(new WorkOrderDispatched(new WorkOrderNo(no), new DepartmentId(hotline.district), List.of(), false,
					true, OffsetDateTime.now().plusMinutes(5)));
			s.setRollbackOnly();
		});

		assertThat(count("select count(*) from notification where title = ?", "新工单待签收 " + no)).isEqualTo(before);
	}

	@Test
	void aRedeliveredEventAddsNoSecondNotice() {
		var no = hotline.dispatchedTo(hotline.district);
		Eventually.value(() -> ok(hotline.districtHandler.get("/api/notifications")), l -> l.toString().contains(no),
				Duration.ofSeconds(10));
		var at = jdbc.queryForObject("select dispatched_at from work_order_assignment a join work_order o"
				+ " on o.id = a.order_id where o.order_no = ?", OffsetDateTime.class, no);

		tx.executeWithoutResult(s -> notices.on(new WorkOrderDispatched(new WorkOrderNo(no),
				new DepartmentId(hotline.district), List.of(), false, false, at)));

		assertThat(count("select count(*) from notification where title = ?", "新工单待签收 " + no))
			.isEqualTo(count("select count(*) from app_user u join app_user_role r on r.user_id = u.id"
					+ " where u.department_id = ? and r.role in ('HANDLER', 'DEPARTMENT_ADMIN')", hotline.district));
	}

	@Test
	void aWebhookIsSignedAndRetriedUntilTheReceiverTakesIt() {
		var subscribed = ok(api.admin().post("/api/webhooks", Map.of("url",
				"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "events", List.of("work-order.*"))));
		var secret = subscribed.get("secret").asString();
		failuresLeft.set(1);
		try {
			var no = hotline.dispatchedTo(hotline.district);
			Eventually.value(() -> count("select count(*) from webhook_delivery where payload like ?", "%" + no + "%"),
					n -> n == 1, Duration.ofSeconds(10));
			webhooks.deliverDue();
			TestClock.INSTANCE.setTo(java.time.ZonedDateTime.now(TestClock.INSTANCE).plusMinutes(3));
			webhooks.deliverDue();

			var mine = received.stream().filter(r -> r.body().contains(no)).toList();
			assertThat(mine).hasSize(2);
			for (var r : mine) {
				assertThat(r.event()).isEqualTo("work-order.dispatched");
				assertThat(r.signature()).isEqualTo("sha256=" + Webhooks.sign(secret, r.timestamp(), r.body()));
			}
			JsonNode payload = tools.jackson.databind.json.JsonMapper.builder().build().readTree(mine.get(0).body());
			assertThat(payload.get("data").get("lead").asLong()).isEqualTo(hotline.district);
			assertThat(count("select count(*) from webhook_delivery where payload like ? and delivered_at is not null"
					+ " and attempts = 2", "%" + no + "%")).isEqualTo(1);
		}
		finally {
			ok(api.admin().delete("/api/webhooks/" + subscribed.get("subscription").get("id").asLong()));
		}
	}

	@Test
	void onlyIntegrationAdminsManageWebhooksAndUrlsAreChecked() {
		assertThat(hotline.supervisor.post("/api/webhooks", Map.of("url", "https://example.org/x", "events",
				List.of("work-order.*"))).status()).isEqualTo(403);
		var bad = api.admin().post("/api/webhooks", Map.of("url", "ftp://example.org/x", "events", List.of("work-order.*")));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("field").asString()).isEqualTo("url");
	}
}
