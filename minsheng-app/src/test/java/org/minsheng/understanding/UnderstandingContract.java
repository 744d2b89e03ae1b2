package org.minsheng.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minsheng.testsupport.Api;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.IdentityFixture;

/** Training examples in, a versioned category model out, and a request read with it. */
abstract class UnderstandingContract extends ApplicationTest {

	static final String CSV = """
			id,title,detail,category,department
			1,小区门口路灯坏了,晚上很黑,城乡建设,
			2,道路井盖缺失,存在安全隐患,城乡建设,
			3,绿化带被占用种菜,,城乡建设,
			4,楼道墙皮脱落,需要维修,城乡建设,
			5,供水管道破裂,一直漏水,城乡建设,
			6,人行道地砖松动,老人被绊倒,城乡建设,
			7,公司拖欠工资,三个月不发,劳动和社会保障,
			8,单位不缴社保,,劳动和社会保障,
			9,劳动合同到期不续签,也不补偿,劳动和社会保障,
			10,工伤认定没有结果,,劳动和社会保障,
			11,养老保险转移办不了,,劳动和社会保障,
			12,失业金申领被拒,,劳动和社会保障,
			13,工厂排放刺鼻废气,,环境保护,
			14,河道被倾倒污水,,环境保护,
			15,工地夜间施工噪音,扰民,环境保护,
			16,餐馆油烟直排,影响居民,环境保护,
			17,养殖场污染水源,,环境保护,
			18,焚烧秸秆,烟雾很大,环境保护,
			19,,,,
			20,只有标题没有分类,,,
			""";

	Api.Session supervisor;

	Api.Session agent;

	@BeforeEach
	void staff() {
		var root = given.rootId();
		var s = IdentityFixture.unique("nlpsup");
		given.user(s, root, "SUPERVISOR");
		supervisor = api.as(s, IdentityFixture.PASSWORD);
		var a = IdentityFixture.unique("nlpag");
		given.user(a, root, "AGENT");
		agent = api.as(a, IdentityFixture.PASSWORD);
	}

	Api.Response csv(Api.Session who, String body) {
		return who.sendAs("POST", "/api/nlp/training-examples", "text/csv", body);
	}

	@Test
	void trainsAVersionedCategoryModelFromImportedExamplesAndReadsARequestWithIt() {
		var report = csv(supervisor, CSV);
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		assertThat(report.json().get("received").asInt()).isEqualTo(20);
		assertThat(report.json().get("imported").asInt()).isEqualTo(19);
		assertThat(report.json().get("errors").get(0).get("row").asInt()).isEqualTo(19);
		assertThat(report.json().get("errors").get(0).get("field").asString()).isEqualTo("title");

		var first = supervisor.post("/api/nlp/models/train", null);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("active").asBoolean()).isTrue();
		assertThat(first.json().get("examples").asInt()).isGreaterThanOrEqualTo(18);
		assertThat(first.json().get("macroF1").asDouble()).isBetween(0.0, 1.0);

		var analysis = agent.post("/api/nlp/analyze", Map.of("title", "老板拖欠我们工资", "content", "已经半年没发了"));
		assertThat(analysis.status()).as(analysis.body()).isEqualTo(200);
		assertThat(analysis.json().get("category").get("label").asString()).isEqualTo("劳动和社会保障");
		assertThat(analysis.json().get("category").get("confidence").asDouble()).isBetween(0.0, 1.0);
		assertThat(analysis.json().get("alternatives")).hasSize(2);
		int version = analysis.json().get("modelVersion").asInt();

		var second = supervisor.post("/api/nlp/models/train", null);
		assertThat(second.json().get("version").asInt()).isGreaterThan(first.json().get("version").asInt());
		assertThat(second.json().get("active").asBoolean()).as("the same data is not worse").isTrue();
		assertThat(agent.post("/api/nlp/analyze", Map.of("title", "拖欠工资")).json().get("modelVersion").asInt())
			.isGreaterThan(version);
		assertThat(ok(supervisor.get("/api/nlp/models")).size()).isGreaterThanOrEqualTo(2);
		assertThat(count("select count(*) from audit_entry where action = 'NLP_MODEL_TRAINED'")).isGreaterThanOrEqualTo(2);
	}

	@Test
	void onlyCategoryAdminsImportAndTrainAndBadInputNamesItsField() {
		assertThat(csv(agent, CSV).status()).isEqualTo(403);
		assertThat(agent.post("/api/nlp/models/train", null).status()).isEqualTo(403);
		var empty = agent.post("/api/nlp/analyze", Map.of("title", " "));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("content");
		var noColumns = csv(supervisor, "a,b\n1,2\n");
		assertThat(noColumns.status()).isEqualTo(400);
		assertThat(noColumns.body()).contains("body");
	}

	@Test
	void flagsRisksThatMustReachASupervisorWithTheWordsThatShowThem() {
		var analysis = ok(agent.post("/api/nlp/analyze",
				Map.of("title", "拖欠工资", "content", "再不给钱我就从楼上跳下去，还要找记者曝光你们")));
		var risks = analysis.get("risks");
		assertThat(risks.findValuesAsString("kind")).containsExactly("SELF_HARM", "MEDIA_EXPOSURE");
		assertThat(risks.get(0).get("label").asString()).isEqualTo("自伤自杀");
		assertThat(risks.get(0).get("evidence").asString()).contains("跳");

		var happy = ok(agent.post("/api/nlp/analyze", Map.of("title", "表扬", "content", "好久没回老家了，想死你们了！")));
		assertThat(happy.get("risks").isEmpty()).isTrue();
	}

	@Test
	void aRiskyOrderReachesTheSupervisorsAtOnce() {
		var body = new java.util.HashMap<String, Object>();
		body.put("channel", "PHONE");
		body.put("requestType", "HELP");
		body.put("urgency", "URGENT");
		body.put("title", "拖欠工资");
		body.put("content", "老板拖欠工资半年，来电人说实在活不下去了，准备明天去公司楼顶跳下去。");
		body.put("callerPhone", "13912345678");
		var no = ok(agent.post("/api/work-orders", body)).get("no").asString();

		var notice = org.minsheng.testsupport.Eventually.value(() -> {
			for (var n : ok(supervisor.get("/api/notifications"))) {
				if (n.get("title").asString().contains(no)) return n;
			}
			return null;
		}, n -> n != null, java.time.Duration.ofSeconds(10));
		assertThat(notice.get("title").asString()).contains("风险工单").contains("自伤自杀");
		assertThat(notice.get("body").asString()).contains("活不下去");
	}

	@Test
	void theCenterEditsTheRiskPoliciesAndAMistakeNamesItsLine() {
		var shipped = supervisor.get("/api/nlp/risk-policies");
		assertThat(shipped.status()).isEqualTo(200);
		assertThat(shipped.body()).contains("[自杀自伤意图] SELF_HARM");
		try {
			var wrong = supervisor.sendAs("PUT", "/api/nlp/risk-policies", "text/plain", "[坏规则] WEATHER\nterms: 下雨\n");
			assertThat(wrong.status()).isEqualTo(400);
			assertThat(wrong.body()).contains("line 1").contains("policies");
			assertThat(agent.sendAs("PUT", "/api/nlp/risk-policies", "text/plain", shipped.body()).status()).isEqualTo(403);

			var edited = shipped.body() + "\n[欠薪讨要升级] MASS_INCIDENT\nterms: 讨薪大军\n";
			assertThat(supervisor.sendAs("PUT", "/api/nlp/risk-policies", "text/plain", edited).status()).isEqualTo(200);
			var analysis = ok(agent.post("/api/nlp/analyze", Map.of("title", "讨薪大军明天要来")));
			assertThat(analysis.get("risks").findValuesAsString("policy")).contains("欠薪讨要升级");
		}
		finally {
			supervisor.sendAs("PUT", "/api/nlp/risk-policies", "text/plain", shipped.body());
		}
	}

	@Test
	void findsWhereTheRequestIsAboutDownToTheStreetAndLearnsLocalPlaceNames() {
		var analysis = ok(agent.post("/api/nlp/analyze", Map.of("title", "路灯不亮", "content", "深圳市南山区粤海街道科苑路的路灯坏了一周")));
		assertThat(analysis.get("region").get("code").asString()).isEqualTo("440305007");
		assertThat(analysis.get("region").get("level").asInt()).isEqualTo(4);
		assertThat(analysis.get("region").get("name").asString()).isEqualTo("广东省 深圳市 南山区 粤海街道");
		assertThat(analysis.get("summary").isNull()).as("a short text is its own title: " + analysis).isTrue();
		var long_ = ok(agent.post("/api/nlp/analyze", Map.of("content", "尊敬的领导您好！我是南山区粤海街道科苑路附近的居民，"
				+ "小区门口的路灯已经坏了一个多星期，晚上路面非常黑，老人和小孩出行很不安全，前几天还有人在路灯下摔倒了。"
				+ "我们多次向物业反映路灯不亮的情况，物业说路灯归市政管，希望有关部门尽快派人维修路灯，谢谢！")));
		assertThat(long_.get("keywords").toString()).contains("路灯");
		assertThat(long_.get("summary").asString()).hasSizeLessThanOrEqualTo(40).doesNotStartWith("尊敬");
		var before = ok(agent.post("/api/nlp/analyze", Map.of("title", "科兴科学园门口外卖车乱停")));
		assertThat(before.get("region").isNull()).as("a compound the division table does not know").isTrue();

		var wrong = supervisor.sendAs("PUT", "/api/nlp/gazetteer", "text/plain", "# 本地地名\n科兴科学园,440305007\n某小区,999999\n");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("gazetteer").contains("Line 3");
		assertThat(agent.sendAs("PUT", "/api/nlp/gazetteer", "text/plain", "科兴科学园,440305007\n").status()).isEqualTo(403);
		try {
			assertThat(supervisor.sendAs("PUT", "/api/nlp/gazetteer", "text/plain", "# 本地地名\n科兴科学园,440305007\n").status())
				.isEqualTo(200);
			assertThat(supervisor.get("/api/nlp/gazetteer").body()).contains("科兴科学园,440305007");
			var after = ok(agent.post("/api/nlp/analyze", Map.of("title", "科兴科学园门口外卖车乱停")));
			assertThat(after.get("region").get("code").asString()).isEqualTo("440305007");
			assertThat(after.get("region").get("evidence").toString()).contains("科兴科学园");
		}
		finally {
			supervisor.sendAs("PUT", "/api/nlp/gazetteer", "text/plain", "# 本地地名（小区、道路、地标,区划代码）\n");
		}
	}

	@Test
	void aRequestLikeAnOpenOneInTheSameDistrictIsFlaggedAsAPossibleDuplicate() {
		int house = java.util.concurrent.ThreadLocalRandom.current().nextInt(100, 999);
		var body = new java.util.HashMap<String, Object>();
		body.put("channel", "PHONE");
		body.put("requestType", "COMPLAINT");
		body.put("urgency", "NORMAL");
		body.put("title", "路灯不亮");
		body.put("content", "南山区粤海街道科苑路" + house + "号门口的路灯坏了一个星期，晚上很黑，请尽快维修。");
		body.put("divisionCode", "440305007");
		body.put("callerPhone", "13912345678");
		var first = ok(agent.post("/api/work-orders", body)).get("no").asString();

		var retold = "粤海街道科苑路" + house + "号门口路灯坏了一个星期了，晚上很黑，希望尽快维修！";
		var analysis = ok(agent.post("/api/nlp/analyze", Map.of("title", "路灯坏了", "content", retold)));
		assertThat(analysis.get("duplicates").findValuesAsString("no")).contains(first);
		var unrelated = ok(agent.post("/api/nlp/analyze", Map.of("title", "噪音", "content", "福田区梅林一村楼下餐馆油烟噪音扰民")));
		assertThat(unrelated.get("duplicates").findValuesAsString("no")).doesNotContain(first);

		body.put("title", "路灯坏了");
		body.put("content", retold);
		var second = ok(agent.post("/api/work-orders", body)).get("no").asString();
		var found = ok(agent.get("/api/nlp/duplicates/" + second));
		assertThat(found.findValuesAsString("no")).contains(first);
		assertThat(found.get(0).get("score").asDouble()).isBetween(0.4, 1.0);

		// merged into the second, the first is nobody's duplicate any more
		ok(supervisor.post("/api/work-orders/" + first + "/merge", Map.of("masterNo", second)));
		org.minsheng.testsupport.Eventually.value(() -> ok(agent.get("/api/nlp/duplicates/" + second)).findValuesAsString("no"),
				nos -> !nos.contains(first), java.time.Duration.ofSeconds(10));
	}

	@Test
	void fiveRequestsAlikeFromOneDistrictInADayReachTheSupervisorsAsAPossibleMassIssue() {
		int block = java.util.concurrent.ThreadLocalRandom.current().nextInt(10, 99);
		var nos = new java.util.ArrayList<String>();
		for (int i = 0; i < 5; i++) {
			var body = new java.util.HashMap<String, Object>();
			body.put("channel", "WEB");
			body.put("requestType", "COMPLAINT");
			body.put("urgency", "NORMAL");
			body.put("title", "小区停水");
			body.put("content", "福田区梅林街道梅林" + block + "村从昨天早上开始停水，一直没有通知什么时候恢复供水，居民生活很不方便" + "！".repeat(i));
			body.put("divisionCode", "440304007");
			body.put("callerPhone", "1391234" + String.format("%04d", 1000 + i));
			nos.add(ok(agent.post("/api/work-orders", body)).get("no").asString());
		}
		var notice = org.minsheng.testsupport.Eventually.value(() -> {
			for (var n : ok(supervisor.get("/api/notifications"))) {
				if (n.get("title").asString().contains("疑似群体诉求") && n.get("body").asString().contains(nos.getLast())) return n;
			}
			return null;
		}, n -> n != null, java.time.Duration.ofSeconds(10));
		assertThat(notice.get("title").asString()).contains("广东省 深圳市 福田区").contains("5 件相似工单");
		assertThat(notice.get("body").asString()).contains(nos.getFirst());
	}

	static tools.jackson.databind.JsonNode ok(Api.Response r) {
		assertThat(r.status()).as(r.body()).isBetween(200, 299);
		return r.json();
	}
}
