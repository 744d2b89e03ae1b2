package org.minsheng.workorder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minsheng.workorder.WorkOrderFixture.dispatch;
import static org.minsheng.workorder.WorkOrderFixture.ok;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minsheng.sla.WorkingCalendar;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.TestClock;
import org.minsheng.workorder.WorkOrderFixture;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Time limits, the deadline watch, the responsibility list and the citizens' status lookup. */
abstract class WorkOrderRulesContract extends ApplicationTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** A Tuesday, a working day, in the morning period. */
	static final ZonedDateTime TUESDAY_10_00 = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, SHANGHAI);

	@Autowired
	DeadlineWatch watch;

	@Autowired
	WorkingCalendar calendar;

	WorkOrderFixture hotline;

	@BeforeEach
	void hotline() {
		hotline = new WorkOrderFixture(api, given);
	}

	@AfterEach
	void realTime() {
		TestClock.INSTANCE.reset();
	}

	@Test
	void extraUrgentOrdersCountNaturalMinutesAndNormalOnesWorkingDays() {
		TestClock.INSTANCE.setTo(TUESDAY_10_00);
		var urgent = hotline.order("燃气泄漏");
		urgent.put("urgency", "EXTRA_URGENT");
		var urgentNo = hotline.register(urgent);
		ok(hotline.dispatcher.post("/api/work-orders/" + urgentNo + "/dispatch", dispatch(hotline.district)));
		var normalNo = hotline.dispatchedTo(hotline.district);

		var u = hotline.view(urgentNo);
		var n = hotline.view(normalNo);

		assertThat(due(u, "SIGN")).isEqualTo(TUESDAY_10_00.plusMinutes(30).toOffsetDateTime());
		assertThat(due(u, "HANDLE")).isEqualTo(TUESDAY_10_00.plusHours(2).toOffsetDateTime());
		assertThat(due(n, "SIGN")).isEqualTo(TUESDAY_10_00.plusDays(1).toOffsetDateTime());
		assertThat(due(n, "HANDLE")).isEqualTo(calendar.plusWorkingDays(TUESDAY_10_00, 5).toOffsetDateTime());
	}

	@Test
	void aCategoryRuleBeatsTheUrgencyDefaultAndAComplexOrderGetsFifteenDays() {
		TestClock.INSTANCE.setTo(TUESDAY_10_00);
		var path = hotline.categoryPath();
		ok(hotline.supervisor.post("/api/sla-rules", Map.of("stage", "HANDLE", "categoryId", path[0], "term", "10wd")));
		var body = hotline.order("路灯");
		body.put("categoryId", path[2]);
		var categorized = hotline.register(body);
		ok(hotline.dispatcher.post("/api/work-orders/" + categorized + "/dispatch", dispatch(hotline.district)));
		var complex = hotline.registered();
		var complexDispatch = dispatch(hotline.district);
		complexDispatch.put("complex", true);
		ok(hotline.dispatcher.post("/api/work-orders/" + complex + "/dispatch", complexDispatch));

		assertThat(due(hotline.view(categorized), "HANDLE"))
			.isEqualTo(calendar.plusWorkingDays(TUESDAY_10_00, 10).toOffsetDateTime());
		assertThat(due(hotline.view(complex), "HANDLE"))
			.isEqualTo(calendar.plusWorkingDays(TUESDAY_10_00, 15).toOffsetDateTime());
		var badTerm = hotline.supervisor.post("/api/sla-rules", Map.of("stage", "HANDLE", "term", "5 days"));
		assertThat(badTerm.status()).isEqualTo(400);
		assertThat(badTerm.json().get("field").asString()).isEqualTo("term");
	}

	@Test
	void theWatchWarnsThenMarksOverdueEachExactlyOnce() {
		TestClock.INSTANCE.setTo(TUESDAY_10_00);
		var no = hotline.dispatchedTo(hotline.district);

		TestClock.INSTANCE.setTo(TUESDAY_10_00.withHour(17).withMinute(30));
		watch.run();
		watch.run();
		var warned = hotline.view(no);
		assertThat(warned.get("warning").asString()).isEqualTo("YELLOW");
		assertThat(hotline.actions(no)).containsExactly("REGISTERED", "DISPATCHED", "WARNED");

		TestClock.INSTANCE.setTo(TUESDAY_10_00.plusDays(1).plusMinutes(1));
		watch.run();
		watch.run();

		assertThat(hotline.view(no).get("warning").asString()).isEqualTo("RED");
		assertThat(hotline.actions(no)).containsExactly("REGISTERED", "DISPATCHED", "WARNED", "OVERDUE");
		assertThat(ok(hotline.districtHandler.get("/api/inbox?box=OVERDUE")).toString()).contains(no);
		assertThat(ok(hotline.supervisor.get("/api/work-orders?due=OVERDUE")).toString()).contains(no);
		assertThat(count("select count(*) from event_publication where event_type like '%WorkOrderDeadline%'"
				+ " and serialized_event like ?", "%" + no + "%")).isEqualTo(2);
	}

	@Test
	void theOverviewEvaluatesEveryRunningLimit() {
		TestClock.INSTANCE.setTo(TUESDAY_10_00);
		hotline.dispatchedTo(hotline.district);
		TestClock.INSTANCE.setTo(TUESDAY_10_00.plusDays(1).plusMinutes(1));

		var overview = ok(hotline.supervisor.get("/api/sla/overview"));

		assertThat(overview.get("overdue").asInt()).isPositive();
		assertThat(overview.get("byStage").get("SIGN").get(2).asInt()).isPositive();
		assertThat(overview.get("running").asInt()).isEqualTo(
				overview.get("onTime").asInt() + overview.get("warned").asInt() + overview.get("overdue").asInt());
		assertThat(hotline.districtHandler.get("/api/sla/overview").status()).isEqualTo(403);
	}

	@Test
	void signingStopsTheSignLimitSoItNeverTurnsOverdue() {
		TestClock.INSTANCE.setTo(TUESDAY_10_00);
		var no = hotline.dispatchedTo(hotline.district);
		ok(hotline.districtHandler.post("/api/work-orders/" + no + "/sign", null));

		TestClock.INSTANCE.setTo(TUESDAY_10_00.plusDays(1).plusHours(1));
		watch.run();

		assertThat(hotline.actions(no)).doesNotContain("WARNED", "OVERDUE");
		assertThat(hotline.view(no).get("warning").asString()).isEqualTo("NONE");
	}

	@Test
	void thePausedHandlingLimitDoesNotRunDuringAPendingExtension() {
		TestClock.INSTANCE.setTo(TUESDAY_10_00);
		var no = hotline.dispatchedTo(hotline.district);
		ok(hotline.districtHandler.post("/api/work-orders/" + no + "/sign", null));
		var due = due(hotline.view(no), "HANDLE");
		ok(hotline.districtHandler.post("/api/work-orders/" + no + "/extension",
				Map.of("reason", "需协调", "deadline", due.plusDays(7).toString())));

		TestClock.INSTANCE.setTo(due.atZoneSameInstant(SHANGHAI).plusHours(1));
		watch.run();
		assertThat(hotline.actions(no)).doesNotContain("OVERDUE");

		ok(hotline.dispatcher.post("/api/work-orders/" + no + "/extension/decision",
				Map.of("approve", false, "comment", "理由不足")));
		var resumed = hotline.view(no);
		assertThat(due(resumed, "HANDLE")).as("the time spent waiting for the decision is added")
			.isAfter(due);
	}

	@Test
	void theResponsibilityListDispatchesByItsMostSpecificRule() {
		var path = hotline.categoryPath();
		ok(hotline.supervisor.post("/api/responsibility-rules",
				Map.of("categoryId", path[0], "departmentId", hotline.bureau)));
		ok(hotline.supervisor.post("/api/responsibility-rules",
				Map.of("categoryId", path[2], "divisionCode", "440305", "departmentId", hotline.district)));

		var leaf = hotline.order("路灯");
		leaf.put("categoryId", path[2]);
		var toDistrict = ok(hotline.agent.post("/api/work-orders", leaf));
		var mid = hotline.order("市政");
		mid.put("categoryId", path[1]);
		var toBureau = ok(hotline.agent.post("/api/work-orders", mid));

		assertThat(toDistrict.get("state").asString()).isEqualTo("DISPATCHED");
		assertThat(toDistrict.get("lead").get("id").asLong()).isEqualTo(hotline.district);
		assertThat(toBureau.get("lead").get("id").asLong()).isEqualTo(hotline.bureau);
		assertThat(hotline.actions(toDistrict.get("no").asString())).containsExactly("REGISTERED", "AUTO_DISPATCHED");
	}

	@Test
	void equallySpecificRulesThatDisagreeLeaveTheOrderToAPerson() {
		var path = hotline.categoryPath();
		ok(hotline.supervisor.post("/api/responsibility-rules",
				Map.of("categoryId", path[1], "departmentId", hotline.bureau)));
		ok(hotline.supervisor.post("/api/responsibility-rules",
				Map.of("categoryId", path[1], "departmentId", hotline.district)));
		var body = hotline.order("路灯");
		body.put("categoryId", path[2]);

		var order = ok(hotline.agent.post("/api/work-orders", body));
		var suggestions = ok(hotline.dispatcher.get("/api/work-orders/" + order.get("no").asString() + "/suggestions"));

		assertThat(order.get("state").asString()).isEqualTo("PENDING_DISPATCH");
		assertThat(suggestions).hasSize(2);
		assertThat(suggestions.get(0).get("confidence").asDouble()).isEqualTo(0.5);
		assertThat(suggestions.get(0).get("source").asString()).isEqualTo("responsibility-list");
	}

	@Test
	void aCallerLooksUpThePublicTimelineWithTheLastFourDigits() {
		var no = hotline.dispatchedTo(hotline.district);
		ok(hotline.districtHandler.post("/api/work-orders/" + no + "/sign", null));
		ok(hotline.districtHandler.post("/api/work-orders/" + no + "/return", Map.of("reason", "内部说明：非我单位")));
		ok(hotline.dispatcher.post("/api/work-orders/" + no + "/dispatch", dispatch(hotline.street)));
		ok(hotline.streetHandler.post("/api/work-orders/" + no + "/sign", null));
		ok(hotline.streetHandler.post("/api/work-orders/" + no + "/reply",
				Map.of("resultType", "RESOLVED", "content", "路灯已修复，感谢您的反映。")));
		var digits = hotline.phone.substring(hotline.phone.length() - 4);

		var r = api.anonymous().get("/api/public/work-orders/" + no + "?phoneLast4=" + digits);

		assertThat(r.status()).as(r.body()).isEqualTo(200);
		var status = r.json();
		assertThat(status.get("result").asString()).isEqualTo("已解决");
		assertThat(status.get("reply").asString()).contains("路灯已修复");
		assertThat(r.body()).contains("南头街道").doesNotContain("内部说明").doesNotContain("测试 ")
			.doesNotContain(hotline.phone).doesNotContain("退单");
	}

	/**
	 * Numbers are read as people type them: full-width digits are digits (a phone ending in ８ keeps
	 * its 8, so the citizen's last four still find the order), a number that no Chinese phone has is
	 * refused with a message in Chinese that names the field, and so is a number too large for its field.
	 */
	@Test
	void typedNumbersAreReadAsPeopleWriteThemAndImpossibleOnesAreRefusedByName() {
		var body = hotline.order("路灯不亮");
		body.put("callerPhone", "１３８１２３４５６７８");
		var no = hotline.register(body);
		assertThat(count("select count(*) from work_order where order_no = ? and caller_phone_index is not null", no))
			.isEqualTo(1);
		var found = api.anonymous().get("/api/public/work-orders/" + no.toLowerCase() + "?phoneLast4=５６７８");
		assertThat(found.status()).as(found.body()).isEqualTo(200);
		var fullWidthNo = new StringBuilder();
		no.chars().forEach(c -> fullWidthNo.append((char) (c + 0xFEE0)));
		assertThat(api.anonymous().get("/api/public/work-orders/" + java.net.URLEncoder.encode(fullWidthNo.toString(),
				java.nio.charset.StandardCharsets.UTF_8) + "?phoneLast4=5678").status()).isEqualTo(200);

		for (var fine : new String[] { "+86 138 1234 5678", "0755-8345 6789", "(010)62345678", "400-800-1234", "12345",
				"95588", "83456789", "+852 9123 4567" }) {
			var order = hotline.order("路灯不亮");
			order.put("callerPhone", fine);
			assertThat(hotline.agent.post("/api/work-orders", order).status()).as(fine).isEqualTo(201);
		}
		long before = count("select count(*) from work_order");
		for (var bad : new String[] { "12345678901234567890", "12812345678", "1381234567", "0755-123", "138abc12345",
				"1381234567８9" }) {
			var order = hotline.order("路灯不亮");
			order.put("callerPhone", bad);
			var refused = hotline.agent.post("/api/work-orders", order);
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.json().get("field").asString()).isEqualTo("callerPhone");
			assertThat(refused.json().get("detail").asString()).as(bad).contains("电话号码");
		}
		var huge = hotline.agent.send("POST", "/api/work-orders", api.JSON.writeValueAsString(hotline.order("路灯不亮"))
			.replaceFirst("\\{", "{\"categoryId\": 1e308, "));
		assertThat(huge.status()).as(huge.body()).isEqualTo(400);
		assertThat(huge.json().get("field").asString()).isEqualTo("categoryId");
		assertThat(huge.json().get("detail").asString()).contains("超出范围");
		assertThat(count("select count(*) from work_order")).isEqualTo(before);
	}

	/**
	 * Wrong digits answer like a missing order. The address that keeps guessing is held back for that
	 * order; the citizen whose order it is looks it up from home all the same.
	 */
	@Test
	void wrongDigitsLookLikeAMissingOrderAndTheGuesserIsHeldBackNotTheCitizen() {
		var no = hotline.registered();
		var digits = hotline.phone.substring(hotline.phone.length() - 4);
		var wrong = digits.equals("0000") ? "1111" : "0000";
		var guesser = api.from("127.0.0.7").anonymous();

		var missing = guesser.get("/api/public/work-orders/WO20990101000001?phoneLast4=" + digits);
		var mismatch = guesser.get("/api/public/work-orders/" + no + "?phoneLast4=" + wrong);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(mismatch.status()).isEqualTo(404);
		assertThat(mismatch.json().get("detail").asString().replace(no, "X"))
			.isEqualTo(missing.json().get("detail").asString().replace("WO20990101000001", "X"));

		for (int i = 0; i < 4; i++) {
			guesser.get("/api/public/work-orders/" + no + "?phoneLast4=" + wrong);
		}
		var blocked = guesser.get("/api/public/work-orders/" + no + "?phoneLast4=" + digits);
		assertThat(blocked.status()).isEqualTo(429);
		assertThat(blocked.contentType()).startsWith("application/problem+json");

		var citizen = api.from("127.0.0.8").anonymous().get("/api/public/work-orders/" + no + "?phoneLast4=" + digits);
		assertThat(citizen.status()).as(citizen.body()).isEqualTo(200);
	}

	@Test
	void aMergedOrderShowsItsCallerTheMastersResult() {
		var master = hotline.dispatchedTo(hotline.district);
		var duplicate = hotline.registered();
		ok(hotline.dispatcher.post("/api/work-orders/" + duplicate + "/merge", Map.of("masterNo", master)));
		ok(hotline.districtHandler.post("/api/work-orders/" + master + "/sign", null));
		ok(hotline.districtHandler.post("/api/work-orders/" + master + "/reply",
				Map.of("resultType", "PARTLY_RESOLVED", "content", "已临时照明，线路改造排期中。")));
		var digits = hotline.phone.substring(hotline.phone.length() - 4);

		var status = ok(api.anonymous().get("/api/public/work-orders/" + duplicate + "?phoneLast4=" + digits));

		assertThat(status.get("mergedInto").asString()).isEqualTo(master);
		assertThat(status.get("master").get("result").asString()).isEqualTo("部分解决");
		assertThat(status.get("master").get("reply").asString()).contains("临时照明");
	}

	static OffsetDateTime due(JsonNode view, String stage) {
		for (var d : view.get("deadlines")) {
			if (d.get("stage").asString().equals(stage) && d.get("stoppedAt").isNull()) {
				return OffsetDateTime.parse(d.get("dueAt").asString()).atZoneSameInstant(SHANGHAI).toOffsetDateTime();
			}
		}
		throw new AssertionError("no running " + stage + " limit in " + view);
	}
}
