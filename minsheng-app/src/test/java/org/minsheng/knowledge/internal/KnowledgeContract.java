package org.minsheng.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Articles from draft to search: review, versions, expiry, import and export, and the index. */
abstract class KnowledgeContract extends ApplicationTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	KnowledgeService service;

	@Autowired
	IndexKeeper keeper;

	long district;

	long otherDistrict;

	Api.Session editor;

	Api.Session reviewer;

	Api.Session otherReviewer;

	Api.Session agent;

	/** A word made for one test, so searches see only that test's articles. */
	String tag;

	@BeforeEach
	void staff() {
		var root = given.rootId();
		var unique = IdentityFixture.unique("");
		district = given.department("罗湖区" + unique, "DISTRICT", root, "440303");
		otherDistrict = given.department("宝安区" + unique, "DISTRICT", root, "440306");
		editor = session("kbeditor", district, "KNOWLEDGE_EDITOR");
		reviewer = session("kbadmin", district, "DEPARTMENT_ADMIN");
		otherReviewer = session("kbother", otherDistrict, "DEPARTMENT_ADMIN");
		agent = session("kbagent", root, "AGENT");
		// Latin letters only: one token in every reading, shared with no other test's article
		tag = "zz" + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36).replaceAll("[0-9]", "");
	}

	@AfterEach
	void clock() {
		TestClock.INSTANCE.reset();
	}

	private Api.Session session(String prefix, long department, String role) {
		var name = IdentityFixture.unique(prefix);
		given.user(name, department, role);
		return api.as(name, IdentityFixture.PASSWORD);
	}

	Map<String, Object> faq(String title, String body, String... questions) {
		var m = new HashMap<String, Object>();
		m.put("type", "FAQ");
		m.put("departmentId", district);
		m.put("title", title);
		m.put("body", body);
		m.put("questions", List.of(questions));
		return m;
	}

	long created(Map<String, Object> body) {
		var r = editor.post("/api/kb/articles", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	long published(Map<String, Object> body) {
		long id = created(body);
		ok(editor.post("/api/kb/articles/" + id + "/submit", null));
		ok(reviewer.post("/api/kb/articles/" + id + "/approve", Map.of("comment", "同意发布")));
		return id;
	}

	JsonNode search(Api.Session who, String query) {
		return ok(who.get("/api/kb/search?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)
				+ "&top=10"));
	}

	List<Long> found(Api.Session who, String query) {
		var ids = new ArrayList<Long>();
		for (var hit : search(who, query)) {
			ids.add(hit.get("id").asLong());
		}
		return ids;
	}

	static JsonNode ok(Api.Response r) {
		assertThat(r.status()).as(r.body()).isBetween(200, 299);
		return r.json();
	}

	@Test
	void aDraftIsFoundOnlyOnceTheOwningDepartmentApprovesIt() {
		long id = created(faq(tag + "居住证办理", "<p>持身份证和租赁合同到社区工作站办理" + tag + "居住证，5个工作日办结。</p>",
				"怎么办理居住证？", "居住证去哪里办？"));
		assertThat(found(agent, tag + "居住证")).as("a draft is not searchable").doesNotContain(id);

		var submitted = ok(editor.post("/api/kb/articles/" + id + "/submit", null));
		assertThat(submitted.get("draftStatus").asString()).isEqualTo("SUBMITTED");
		var approved = ok(reviewer.post("/api/kb/articles/" + id + "/approve", Map.of("comment", "同意")));

		assertThat(approved.get("state").asString()).isEqualTo("PUBLISHED");
		assertThat(approved.get("published").get("number").asInt()).isEqualTo(1);
		assertThat(approved.get("published").get("approvedBy").asString()).isNotBlank();
		var hits = search(agent, tag + "居住证怎么办理");
		assertThat(hits.get(0).get("id").asLong()).isEqualTo(id);
		assertThat(hits.get(0).get("title").asString()).isEqualTo(tag + "居住证办理");
		assertThat(hits.get(0).get("snippet").asString()).contains("<em>").contains("居住证");
		assertThat(hits.get(0).get("score").asDouble()).isPositive();
		assertThat(count("select count(*) from audit_entry where action = 'KB_ARTICLE_PUBLISHED' and target_id = ?",
				Long.toString(id))).isEqualTo(1);
	}

	@Test
	void nobodyApprovesTheirOwnVersionAndOtherDepartmentsDoNotReview() {
		long id = created(faq(tag + "标题", "正文" + tag, "问题"));
		ok(editor.post("/api/kb/articles/" + id + "/submit", null));

		var other = otherReviewer.post("/api/kb/articles/" + id + "/approve", null);
		assertThat(other.status()).as("another district's admin").isIn(403, 404);

		var byAdmin = reviewer.post("/api/kb/articles", faq(tag + "管理员自写", "正文", "问题"));
		long own = byAdmin.json().get("id").asLong();
		ok(reviewer.post("/api/kb/articles/" + own + "/submit", null));
		var self = reviewer.post("/api/kb/articles/" + own + "/approve", null);
		assertThat(self.status()).isEqualTo(409);
		assertThat(self.json().get("detail").asString()).contains("须由另一位审核人审核通过");

		var byEditor = editor.post("/api/kb/articles/" + id + "/approve", null);
		assertThat(byEditor.status()).as("an editor does not review").isEqualTo(403);
	}

	@Test
	void aChangeToAPublishedArticleIsANewVersionThatReadersSeeAfterApproval() {
		long id = published(faq(tag + "公积金提取", "<p>第一段不变。</p><p>提取需要身份证。</p>", "公积金怎么提取"));

		var draft = ok(editor.put("/api/kb/articles/" + id, Map.of("title", tag + "公积金提取（新）", "body",
				"<p>第一段不变。</p><p>提取需要身份证和银行卡。</p>", "questions", List.of("公积金怎么提取"))));
		assertThat(draft.get("draft").get("number").asInt()).isEqualTo(2);
		assertThat(draft.get("published").get("number").asInt()).isEqualTo(1);
		assertThat(search(agent, tag + "公积金提取").get(0).get("title").asString()).isEqualTo(tag + "公积金提取");
		var asReader = ok(agent.get("/api/kb/articles/" + id));
		assertThat(asReader.get("draft").isNull()).as("readers do not see drafts").isTrue();

		ok(editor.post("/api/kb/articles/" + id + "/submit", null));
		ok(reviewer.post("/api/kb/articles/" + id + "/approve", null));

		assertThat(search(agent, tag + "公积金提取").get(0).get("title").asString()).isEqualTo(tag + "公积金提取（新）");
		assertThat(ok(editor.get("/api/kb/articles/" + id + "/versions"))).hasSize(2);
		var diff = ok(editor.get("/api/kb/articles/" + id + "/diff?from=1&to=2"));
		var body = diff.get("changes").findValues("field").stream().map(JsonNode::asString).toList();
		assertThat(body).contains("title", "body").doesNotContain("questions");
		var lines = diff.get("changes").get(1).get("lines").toString();
		assertThat(lines).contains("\"op\":\" \",\"text\":\"第一段不变。\"")
			.contains("\"op\":\"-\",\"text\":\"提取需要身份证。\"")
			.contains("\"op\":\"+\",\"text\":\"提取需要身份证和银行卡。\"");
	}

	@Test
	void aReviewerSendsBackWithACommentAndTheEditorTriesAgain() {
		long id = created(faq(tag + "退回", "正文", "问题"));
		var submitted = ok(editor.post("/api/kb/articles/" + id + "/submit", null));
		// the article says what each person may do with it now
		assertThat(names(submitted.get("allowedActions"))).doesNotContain("EDIT", "SUBMIT", "APPROVE");
		assertThat(names(ok(reviewer.get("/api/kb/articles/" + id)).get("allowedActions"))).contains("APPROVE", "SEND_BACK");

		var noComment = reviewer.post("/api/kb/articles/" + id + "/send-back", Map.of("comment", " "));
		assertThat(noComment.status()).isEqualTo(400);
		assertThat(noComment.body()).contains("comment");
		var back = ok(reviewer.post("/api/kb/articles/" + id + "/send-back", Map.of("comment", "请补充办理时限")));
		assertThat(back.get("draftStatus").asString()).isEqualTo("SENT_BACK");
		assertThat(back.get("reviewComment").asString()).isEqualTo("请补充办理时限");

		ok(editor.put("/api/kb/articles/" + id, Map.of("title", tag + "退回", "body", "正文，5个工作日办结", "questions",
				List.of("问题"))));
		ok(editor.post("/api/kb/articles/" + id + "/submit", null));
		assertThat(ok(reviewer.post("/api/kb/articles/" + id + "/approve", null)).get("state").asString())
			.isEqualTo("PUBLISHED");
	}

	private static List<String> names(JsonNode array) {
		var out = new ArrayList<String>();
		array.forEach(n -> out.add(n.asString()));
		return out;
	}

	@Test
	void anIllegalStepNamesTheArticleAndItsStateAndChangesNothing() {
		long id = created(faq(tag + "状态", "正文", "问题"));

		var r = reviewer.post("/api/kb/articles/" + id + "/approve", null);

		assertThat(r.status()).isEqualTo(409);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.json().get("detail").asString())
			.isEqualTo("知识「" + id + "」当前为「草稿，草稿编辑中」，不能审核通过");
		assertThat(count("select count(*) from kb_article_version where article_id = ? and approved_by is not null", id))
			.isZero();
	}

	@Test
	void searchReadsTraditionalCharactersAndSynonymsAddedAtRunTime() {
		long id = published(faq(tag + "社会保险卡补办", "社会保险卡遗失后，可携带身份证到任一社保网点补办" + tag + "。", "社保卡丢了怎么办"));

		assertThat(found(agent, "社會保險卡補辦" + tag)).as("Traditional characters").contains(id);
		assertThat(found(agent, "社保卡補辦" + tag)).contains(id);

		long other = published(faq(tag + "房屋征收补偿", "房屋征收补偿标准按市政府公告执行。", "征收补偿标准"));
		assertThat(found(agent, "拆迁")).doesNotContain(other);
		var group = ok(api.admin().post("/api/kb/synonyms", Map.of("terms", List.of("拆迁", "征收"))));
		assertThat(found(agent, "拆迁")).as("a synonym added at run time").contains(other);
		ok(api.admin().delete("/api/kb/synonyms/" + group.get("id").asLong()));
		assertThat(agent.post("/api/kb/synonyms", Map.of("terms", List.of("甲", "乙"))).status()).isEqualTo(403);
	}

	@Test
	void theQueryThatShowedAnArticleRecordsThatItWasUsed() {
		long id = published(faq(tag + "护照办理", tag + "护照在出入境窗口办理，7个工作日出证。", "护照怎么办"));
		assertThat(found(agent, tag + "护照怎么办")).contains(id);

		assertThat(agent.post("/api/kb/articles/" + id + "/used", Map.of("source", "ASSIST")).status()).isEqualTo(204);

		assertThat(jdbc.queryForObject("select used_article_id from kb_query_log where query = ? order by id desc"
				+ " fetch first 1 rows only", Long.class, tag + "护照怎么办")).isEqualTo(id);
		assertThat(count("select used_count from kb_article where id = ?", id)).isEqualTo(1);
	}

	@Test
	void aFileOnAnArticleKeepsItsHashAndIsServedAsADownload() throws Exception {
		long id = published(faq(tag + "申请表", tag + "请下载申请表填写后提交。", "申请表在哪下载"));
		var pdf = ("%PDF-1.4 " + tag).getBytes(java.nio.charset.StandardCharsets.UTF_8);

		var added = editor.upload("/api/kb/articles/" + id + "/attachments", "居住证申请表.pdf", pdf);

		assertThat(added.status()).as(added.body()).isEqualTo(201);
		var sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
		assertThat(added.json().get("sha256").asString()).isEqualTo(sha);
		var list = ok(agent.get("/api/kb/articles/" + id + "/attachments"));
		assertThat(list.get(0).get("fileName").asString()).isEqualTo("居住证申请表.pdf");
		assertThat(agent.bytes("/api/kb/articles/" + id + "/attachments/" + list.get(0).get("id").asLong())).isEqualTo(pdf);
		var exe = editor.upload("/api/kb/articles/" + id + "/attachments", "setup.exe", pdf);
		assertThat(exe.status()).isEqualTo(400);
		assertThat(exe.body()).contains("file");
		assertThat(agent.upload("/api/kb/articles/" + id + "/attachments", "a.pdf", pdf).status()).isEqualTo(403);
		assertThat(count("select count(*) from audit_entry where action = 'KB_FILE_ADDED' and target_id = ?",
				Long.toString(id))).isEqualTo(1);
	}

	@Test
	void aLongQuestionIsSearchedLikeAShortOne() {
		long id = published(faq(tag + "噪声扰民", tag + "夜间施工噪声扰民，可向城市管理和综合执法部门投诉。", "夜间施工太吵怎么办"));
		var question = ("我家楼下的工地每天晚上十一点以后还在施工，电钻和搅拌机的声音非常大，老人和孩子都睡不着觉，"
				+ "已经持续了一个多月，请问应该向哪个部门投诉，夜间施工有没有时间规定？" + tag).repeat(3);

		assertThat(found(agent, question)).contains(id);
	}

	@Test
	void searchFiltersByTypeDepartmentRegionAndValidity() {
		var scoped = faq(tag + "罗湖停车", "罗湖区" + tag + "停车收费标准", "停车怎么收费");
		scoped.put("regions", List.of("440303"));
		long luohu = published(scoped);
		var guide = faq(tag + "停车办事指南", tag + "停车许可办理", "停车许可");
		guide.put("type", "GUIDE");
		long guideId = published(guide);

		assertThat(found(agent, tag + "停车")).contains(luohu, guideId);
		assertThat(ids(ok(agent.get("/api/kb/search?q=" + tag + "停车&type=GUIDE")))).contains(guideId).doesNotContain(luohu);
		assertThat(ids(ok(agent.get("/api/kb/search?q=" + tag + "停车&region=440303001")))).contains(luohu, guideId);
		assertThat(ids(ok(agent.get("/api/kb/search?q=" + tag + "停车&region=440306")))).contains(guideId)
			.doesNotContain(luohu);
		assertThat(ids(ok(agent.get("/api/kb/search?q=" + tag + "停车&departmentId=" + otherDistrict)))).isEmpty();
		var badRegion = agent.get("/api/kb/search?q=停车&region=44A");
		assertThat(badRegion.status()).isEqualTo(400);
		assertThat(badRegion.body()).contains("region");
		assertThat(agent.get("/api/kb/search?q=%20").status()).isEqualTo(400);
	}

	@Test
	void anArticlePastItsDateIsNeverReturnedAndExpires() {
		var today = LocalDate.now(SHANGHAI);
		var body = faq(tag + "临时通知", tag + "春节期间办事大厅暂停服务", "春节办事大厅开吗");
		body.put("expiresAt", today.plusDays(1).toString());
		long id = published(body);
		assertThat(found(agent, tag + "办事大厅")).contains(id);
		assertThat(ids(ok(agent.get("/api/kb/search?q=" + tag + "办事大厅&validOn=" + today.plusDays(2)))))
			.doesNotContain(id);

		TestClock.INSTANCE.advance(Duration.ofDays(2));
		assertThat(service.expireDue()).isGreaterThanOrEqualTo(1);

		assertThat(agent.get("/api/kb/articles/" + id).status()).as("no longer for readers").isEqualTo(404);
		assertThat(jdbc.queryForObject("select state from kb_article where id = ?", String.class, id))
			.isEqualTo("EXPIRED");
		assertThat(found(agent, tag + "办事大厅")).doesNotContain(id);
		assertThat(count("select count(*) from audit_entry where action = 'KB_ARTICLE_EXPIRED' and target_id = ?",
				Long.toString(id))).isEqualTo(1);

		var stale = faq(tag + "过期", "正文", "问题");
		stale.put("expiresAt", today.minusDays(3).toString());
		long staleId = created(stale);
		ok(editor.post("/api/kb/articles/" + staleId + "/submit", null));
		var refused = reviewer.post("/api/kb/articles/" + staleId + "/approve", null);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("expiresAt");
	}

	@Test
	void anImportKeepsTheGoodRowsAndReportsEachBadOneByRowAndField() {
		var rows = List.of(
				Map.of("externalId", tag + "-1", "type", "FAQ", "title", tag + "导入一", "body", "导入正文一" + tag,
						"department", Long.toString(district), "questions", List.of("问一")),
				Map.of("externalId", tag + "-2", "type", "LETTER", "title", "类型错", "body", "正文", "department",
						Long.toString(district)),
				Map.of("externalId", tag + "-3", "type", "GUIDE", "title", tag + "导入三", "body", "导入正文三" + tag,
						"department", "没有这个部门"),
				Map.of("externalId", tag + "-4", "type", "GUIDE", "title", tag + "导入四", "body", "导入正文四" + tag,
						"department", Long.toString(district), "regions", List.of("440303"), "expiresAt", "2099-12-31"));

		var asAgent = agent.post("/api/kb/articles/import?publish=true", rows);
		assertThat(asAgent.status()).isEqualTo(403);
		var asEditor = editor.post("/api/kb/articles/import?publish=true", rows);
		assertThat(asEditor.status()).as("publishing at once is a reviewer's right").isEqualTo(403);

		var report = ok(reviewer.post("/api/kb/articles/import?publish=true", rows));

		assertThat(report.get("received").asInt()).isEqualTo(4);
		assertThat(report.get("created").asInt()).isEqualTo(2);
		assertThat(report.get("published").asInt()).isEqualTo(2);
		assertThat(report.get("errors")).hasSize(2);
		assertThat(report.get("errors").get(0).get("row").asInt()).isEqualTo(2);
		assertThat(report.get("errors").get(0).get("field").asString()).isEqualTo("type");
		assertThat(report.get("errors").get(1).get("row").asInt()).isEqualTo(3);
		assertThat(report.get("errors").get(1).get("field").asString()).isEqualTo("department");
		var imported = jdbc.queryForList("select id from kb_article where external_id in (?, ?)", Long.class, tag + "-1",
				tag + "-4");
		assertThat(found(agent, tag + "导入正文")).containsAll(imported).hasSizeGreaterThanOrEqualTo(2);
		assertThat(imported).hasSize(2);

		var ndjson = "{\"externalId\":\"" + tag + "-1\",\"type\":\"FAQ\",\"title\":\"" + tag + "导入一（改）\",\"body\":\"改过\","
				+ "\"department\":\"" + district + "\",\"questions\":[\"问一\"]}\n" + "{not json\n"
				+ "{\"externalId\":\"" + tag + "-5\",\"type\":\"NOTICE\",\"title\":\"" + tag + "通知\",\"body\":\"通知正文\","
				+ "\"department\":\"" + district + "\",\"effectiveFrom\":\"不是日期\"}\n";
		var second = ok(editor.send("POST", "/api/kb/articles/import", ndjson));
		assertThat(second.get("updated").asInt()).isEqualTo(1);
		assertThat(second.get("errors")).hasSize(2);
		assertThat(second.get("errors").get(0).get("row").asInt()).isEqualTo(2);
		assertThat(second.get("errors").get(1).get("row").asInt()).isEqualTo(3);
		long first = jdbc.queryForObject("select id from kb_article where external_id = ?", Long.class, tag + "-1");
		var view = ok(editor.get("/api/kb/articles/" + first));
		assertThat(view.get("draft").get("content").get("title").asString()).isEqualTo(tag + "导入一（改）");
		assertThat(view.get("published").get("content").get("title").asString()).isEqualTo(tag + "导入一");
	}

	@Test
	void anExportCanBeImportedAgain() {
		var body = faq(tag + "导出", "<p>导出正文</p>", "导出问一", "导出问二");
		body.put("externalId", tag + "-x");
		body.put("regions", List.of("440303"));
		body.put("tags", List.of("户籍"));
		published(body);

		var exported = ok(reviewer.get("/api/kb/articles/export?departmentId=" + district));
		JsonNode mine = null;
		for (var a : exported) {
			if ((tag + "-x").equals(a.get("externalId").asString())) {
				mine = a;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(mine.get("type").asString()).isEqualTo("FAQ");
		assertThat(mine.get("questions")).hasSize(2);
		assertThat(mine.get("regions").get(0).asString()).isEqualTo("440303");

		var again = ok(reviewer.post("/api/kb/articles/import", List.of(Api.JSON.treeToValue(mine, Map.class))));
		assertThat(again.get("updated").asInt()).isEqualTo(1);
		assertThat(again.get("errors")).isEmpty();
	}

	@Test
	void readersSeePublishedArticlesOnlyAndEditorsStayInTheirDepartments() {
		long draft = created(faq(tag + "草稿", "正文", "问题"));

		assertThat(agent.get("/api/kb/articles/" + draft).status()).isEqualTo(404);
		assertThat(otherReviewer.get("/api/kb/articles/" + draft).status()).isEqualTo(404);
		var foreign = faq(tag + "越权", "正文", "问题");
		foreign.put("departmentId", otherDistrict);
		assertThat(editor.post("/api/kb/articles", foreign).status()).isEqualTo(403);
		assertThat(agent.post("/api/kb/articles", faq(tag, "正文", "问题")).status()).isEqualTo(403);
	}

	@Test
	void bodiesAreSafeHtmlAndScriptsUseOnlyKnownPlaceholders() {
		long id = created(faq(tag + "安全", "<p onclick=\"x()\">正文<script>alert(1)</script><a href=\"javascript:x()\">链接</a></p>",
				"问题"));
		var body = ok(editor.get("/api/kb/articles/" + id)).get("draft").get("content").get("body").asString();
		assertThat(body).doesNotContain("script").doesNotContain("onclick").doesNotContain("javascript").contains("正文");

		var script = faq(tag + "开场白", "{citizen_title}您好，{hotline}热线{agent_no}号话务员为您服务。");
		script.put("type", "SCRIPT");
		assertThat(editor.post("/api/kb/articles", script).status()).isEqualTo(201);
		script.put("body", "{citizen_title}您好，{unknown}");
		var bad = editor.post("/api/kb/articles", script);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("unknown").contains("body");

		var noQuestion = faq(tag + "无问题", "正文");
		var r = editor.post("/api/kb/articles", noQuestion);
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.body()).contains("questions");
	}

	@Test
	void aRetiredArticleLeavesTheIndexAndChangesFromAnotherNodeAreFollowed() {
		long id = published(faq(tag + "下架", tag + "下架正文", "问题"));
		assertThat(found(agent, tag + "下架正文")).contains(id);

		assertThat(ok(reviewer.post("/api/kb/articles/" + id + "/retire", Map.of("reason", "政策废止"))).get("state")
			.asString()).isEqualTo("RETIRED");
		assertThat(found(agent, tag + "下架正文")).doesNotContain(id);

		// another node publishes straight into the shared database: this node follows it
		long other = published(faq(tag + "他节点", tag + "他节点正文", "问题"));
		jdbc.update("update kb_article_version set title = ? where article_id = ?", tag + "他节点改", other);
		jdbc.update("update kb_article set updated_at = ? where id = ?",
				java.time.OffsetDateTime.now(TestClock.INSTANCE).plusSeconds(1), other);
		keeper.followAndCommit();
		assertThat(search(agent, tag + "他节点正文").get(0).get("title").asString()).isEqualTo(tag + "他节点改");

		var rebuilt = ok(api.admin().post("/api/kb/index/rebuild", null));
		assertThat(rebuilt.get("indexed").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(found(agent, tag + "他节点正文")).contains(other);
		assertThat(agent.post("/api/kb/index/rebuild", null).status()).isEqualTo(403);
	}

	private static List<Long> ids(JsonNode hits) {
		var ids = new ArrayList<Long>();
		hits.forEach(h -> ids.add(h.get("id").asLong()));
		return ids;
	}
}
