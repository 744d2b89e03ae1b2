package org.minsheng.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minsheng.testsupport.Api;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.IdentityFixture;
import org.minsheng.testsupport.TestClock;

import tools.jackson.databind.JsonNode;

/** What the knowledge base learns from what is asked and what readers say. */
abstract class LearningContract extends ApplicationTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	Api.Session editor;

	Api.Session reviewer;

	Api.Session agent;

	long center;

	String tag;

	@BeforeEach
	void staff() {
		center = given.rootId();
		editor = session("lned", "SUPERVISOR");
		reviewer = session("lnrv", "SUPERVISOR");
		agent = session("lnag", "AGENT");
		tag = "zz" + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36).replaceAll("[0-9]", "");
	}

	@AfterEach
	void clock() {
		TestClock.INSTANCE.reset();
	}

	private Api.Session session(String prefix, String role) {
		var name = IdentityFixture.unique(prefix);
		given.user(name, center, role);
		return api.as(name, IdentityFixture.PASSWORD);
	}

	static JsonNode ok(Api.Response r) {
		assertThat(r.status()).as(r.body()).isBetween(200, 299);
		return r.json();
	}

	void ask(String q) {
		ok(agent.get("/api/kb/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
	}

	long published(String title, String body, String expiresAt) {
		var m = new HashMap<String, Object>();
		m.put("type", "GUIDE");
		m.put("departmentId", center);
		m.put("title", title);
		m.put("body", body);
		if (expiresAt != null) {
			m.put("expiresAt", expiresAt);
		}
		long id = ok(editor.post("/api/kb/articles", m)).get("id").asLong();
		ok(editor.post("/api/kb/articles/" + id + "/submit", null));
		ok(reviewer.post("/api/kb/articles/" + id + "/approve", null));
		return id;
	}

	static JsonNode find(JsonNode list, String field, String contains) {
		for (var item : list) {
			if (item.get(field).asString().contains(contains)) {
				return item;
			}
		}
		return null;
	}

	@Test
	void hotQuestionsCountOneQuestionHoweverWrittenAndCompareWithTheDayBefore() {
		var today = LocalDate.now(SHANGHAI);
		TestClock.INSTANCE.setTo(ZonedDateTime.of(today.minusDays(1).atTime(10, 0), SHANGHAI));
		ask(tag + "社保卡怎么补办");
		TestClock.INSTANCE.setTo(ZonedDateTime.of(today.atTime(10, 0), SHANGHAI));
		ask(tag + "社保卡怎么补办");
		ask(tag + "社保卡怎么补办");
		ask(tag + " 社保卡怎么补办？");
		ask(tag + "社保卡怎麼補辦");

		var hot = ok(editor.get("/api/kb/reports/hot-questions?period=DAY&day=" + today + "&top=200"));

		var mine = find(hot, "question", tag);
		assertThat(mine).as(hot.toString()).isNotNull();
		assertThat(mine.get("question").asString()).isEqualTo(tag + "社保卡怎么补办");
		assertThat(mine.get("count").asLong()).isEqualTo(4);
		assertThat(mine.get("previousCount").asLong()).isEqualTo(1);
		assertThat(mine.get("change").asDouble()).isEqualTo(3.0);
		var week = ok(editor.get("/api/kb/reports/hot-questions?period=WEEK&day=" + today + "&top=200"));
		assertThat(find(week, "question", tag).get("count").asLong()).isEqualTo(5);
	}

	@Test
	void unansweredQuestionsAreGroupedAndAGroupBecomesAFaqDraftInOneCall() {
		ask(tag + "火星移民怎么办理");
		ask(tag + "火星移民怎么办理");
		ask(tag + "火星移民办理流程");
		ask(tag + "月球旅游签证");

		var groups = ok(editor.get("/api/kb/reports/unanswered?top=200"));

		var mars = find(groups, "question", tag + "火星");
		assertThat(mars).as(groups.toString()).isNotNull();
		assertThat(mars.get("question").asString()).isEqualTo(tag + "火星移民怎么办理");
		assertThat(mars.get("count").asLong()).isEqualTo(3);
		assertThat(mars.get("examples")).hasSize(2);
		assertThat(find(groups, "question", tag + "月球").get("count").asLong()).isEqualTo(1);

		var questions = new ArrayList<String>();
		mars.get("examples").forEach(e -> questions.add(e.asString()));
		var draft = editor.post("/api/kb/reports/unanswered/draft", Map.of("questions", questions));
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		assertThat(draft.json().get("type").asString()).isEqualTo("FAQ");
		assertThat(draft.json().get("state").asString()).isEqualTo("DRAFT");
		assertThat(draft.json().get("draft").get("content").get("questions")).hasSize(2);
		assertThat(agent.get("/api/kb/reports/unanswered").status()).isEqualTo(403);
	}

	@Test
	void unhelpfulArticlesUnusedArticlesAndArticlesAboutToExpireAreListed() {
		var today = LocalDate.now(SHANGHAI);
		long id = published(tag + "临时停水通知", tag + "停水范围和时间", today.plusDays(10).toString());
		long used = published(tag + "常用指南", tag + "常用正文", null);

		ok(agent.post("/api/kb/articles/" + id + "/feedback", Map.of("helpful", false, "comment", "时间写错了")));
		ok(agent.post("/api/kb/articles/" + id + "/feedback", Map.of("helpful", false)));
		ok(agent.post("/api/kb/articles/" + id + "/feedback", Map.of("helpful", true)));
		ok(agent.post("/api/kb/articles/" + used + "/used", Map.of("source", "ASSIST")));
		var missing = agent.post("/api/kb/articles/" + id + "/feedback", Map.of("comment", "没说有没有用"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).contains("helpful");

		var negative = find(ok(editor.get("/api/kb/reports/negative-feedback")), "title", tag + "临时停水通知");
		assertThat(negative.get("unhelpful").asLong()).isEqualTo(2);
		assertThat(negative.get("helpful").asLong()).isEqualTo(1);
		assertThat(negative.get("comments").get(0).asString()).isEqualTo("时间写错了");

		var expiring = ok(editor.get("/api/kb/reports/expiring?days=30"));
		assertThat(find(expiring, "title", tag + "临时停水通知")).isNotNull();
		assertThat(find(expiring, "title", tag + "常用指南")).isNull();
		var unused = ok(editor.get("/api/kb/reports/never-used?days=0"));
		assertThat(find(unused, "title", tag + "临时停水通知")).isNotNull();
		assertThat(find(unused, "title", tag + "常用指南")).as("used once").isNull();
	}

	static List<String> texts(JsonNode list, String field) {
		var out = new ArrayList<String>();
		list.forEach(i -> out.add(i.get(field).asString()));
		return out;
	}
}
