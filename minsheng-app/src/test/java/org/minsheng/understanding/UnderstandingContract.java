package org.minsheng.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
		assertThat(first.json().get("calibrationError").asDouble()).isBetween(0.0, 1.0);
		assertThat(first.json().get("temperature").asDouble()).as("tempered on its held-out predictions").isPositive();

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
	void readsTheLevelTwoCategoryUnderTheLevelOneOneWhenExamplesNameBoth() {
		var report = csv(supervisor, """
				id,title,detail,category
				s1,小区物业乱收停车费,物业公司擅自涨价,城乡建设/物业管理
				s2,物业不作为,楼道垃圾没人清理,城乡建设/物业管理
				s3,物业费收费不透明,业主要求公示账目,城乡建设/物业管理
				s4,物业公司强行断水断电,催缴物业费,城乡建设 > 物业管理
				s5,路灯不亮,晚上很黑,城乡建设/市政设施
				s6,道路坑洼,车辆颠簸,城乡建设/市政设施
				s7,井盖缺失,行人危险,城乡建设/市政设施
				s8,人行道破损,需要修补,城乡建设/市政设施
				s9,公司拖欠工资,三个月不发,劳动和社会保障/劳动关系
				s10,不签劳动合同,辞退不补偿,劳动和社会保障/劳动关系
				s11,单位不缴社保,养老保险断缴,劳动和社会保障/社会保险
				s12,医保报销比例,异地就医怎么报,劳动和社会保障/社会保险
				""");
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		ok(supervisor.post("/api/nlp/models/train?kind=category", null));
		var sub = ok(supervisor.post("/api/nlp/models/train?kind=subcategory", null));
		assertThat(sub.get("kind").asString()).isEqualTo("SUBCATEGORY");
		assertThat(sub.get("examples").asInt()).isGreaterThanOrEqualTo(12);
		try {
			var analysis = ok(agent.post("/api/nlp/analyze", Map.of("title", "物业公司乱收费", "content", "物业擅自提高物业费")));
			assertThat(analysis.get("category").get("label").asString()).isEqualTo("城乡建设");
			assertThat(analysis.get("subcategory").get("label").asString()).as(analysis.toString()).isEqualTo("物业管理");
			assertThat(analysis.get("subcategory").get("confidence").asDouble()).isBetween(0.0, 1.0);
		}
		finally {
			// later tests read requests without it
			assertThat(supervisor.delete("/api/nlp/models/subcategory/active").status()).isEqualTo(204);
		}
		assertThat(agent.post("/api/nlp/analyze", Map.of("title", "物业公司乱收费")).json().get("subcategory").isNull()).isTrue();
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
	void theRiskModelCatchesAPhrasingNoPolicyHasAWordFor() {
		var analysis = ok(agent.post("/api/nlp/analyze",
				Map.of("title", "被骗", "content", "我不想再拖累家里人了，今晚就走，以后你们不用找我")));

		var risk = analysis.get("risks").get(0);
		assertThat(risk.get("kind").asString()).isEqualTo("SELF_HARM");
		assertThat(risk.get("policy").asString()).isEqualTo("风险模型");
		assertThat(risk.get("evidence").asString()).contains("概率");
	}

	@Test
	void theCenterTeachesTheRiskModelItsOwnRiskyPhrasings() {
		var phrase = "楼道里有人堆了好几桶来历不明的液体，味道冲得人头晕";
		var before = ok(agent.post("/api/nlp/analyze", Map.of("content", phrase)));
		assertThat(before.get("risks").isEmpty()).as("neither the policies nor the shipped model know it: " + before).isTrue();
		var rows = new StringBuilder("id,title,detail,risk\n");
		for (var t : List.of("地下室有人囤了几十桶来历不明的液体，味道很冲", "楼道堆着好几桶不知道是什么的液体，闻着头晕",
				"出租屋里放了很多桶化学液体，气味冲得人头疼", "仓库里一桶桶来历不明的液体在漏，味道呛人",
				"车库角落堆满了不明液体的桶，闻了头晕恶心")) {
			rows.append(",").append(t).append(",,公共安全\n");
		}
		rows.append(",楼道里的杂物请物业清理一下,,无\n");
		rows.append(",不知道算什么,,地震\n");
		var report = ok(csv(supervisor, rows.toString()));
		assertThat(report.get("imported").asInt()).isEqualTo(6);
		assertThat(report.get("errors").get(0).get("field").asString()).isEqualTo("risk");

		var model = ok(supervisor.post("/api/nlp/models/train?kind=risk", null));

		assertThat(model.get("kind").asString()).isEqualTo("RISK");
		assertThat(model.get("temperature").asDouble()).as("the risk threshold reads LibLinear's own probabilities")
			.isZero();
		assertThat(model.get("examples").asInt()).as("the shipped sentences and the center's").isGreaterThan(454);
		var after = ok(agent.post("/api/nlp/analyze", Map.of("content", phrase)));
		assertThat(after.get("risks").findValuesAsString("kind")).containsExactly("PUBLIC_SAFETY");
		assertThat(after.get("risks").get(0).get("policy").asString()).isEqualTo("风险模型");
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

			var edited = shipped.body() + "\n[私放礼炮] PUBLIC_SAFETY\nterms: 礼炮\n";
			assertThat(supervisor.sendAs("PUT", "/api/nlp/risk-policies", "text/plain", edited).status()).isEqualTo(200);
			var analysis = ok(agent.post("/api/nlp/analyze", Map.of("title", "有人在小区里放礼炮")));
			assertThat(analysis.get("risks").findValuesAsString("policy")).contains("私放礼炮");
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
		assertThat(wrong.body()).contains("gazetteer").contains("第 3 行");
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

	/** A phoned-in complaint about 粤海街道 (440305007), as the registration form sends it. */
	java.util.Map<String, Object> yuehaiOrder(String title, String content) {
		var body = order(title, content);
		body.put("divisionCode", "440305007");
		body.put("callerPhone", "13912345678");
		return body;
	}

	@Test
	void aRequestLikeAnOpenOneInTheSameDistrictIsFlaggedAsAPossibleDuplicate() {
		int house = java.util.concurrent.ThreadLocalRandom.current().nextInt(100, 999);
		var body = yuehaiOrder("路灯不亮", "南山区粤海街道科苑路" + house + "号门口的路灯坏了一个星期，晚上很黑，请尽快维修。");
		var first = ok(agent.post("/api/work-orders", body)).get("no").asString();

		var retold = "粤海街道科苑路" + house + "号门口路灯坏了一个星期了，晚上很黑，希望尽快维修！";
		// the first is screened once its registration has committed
		org.minsheng.testsupport.Eventually.value(
				() -> ok(agent.post("/api/nlp/analyze", Map.of("title", "路灯坏了", "content", retold))),
				a -> a.get("duplicates").findValuesAsString("no").contains(first), java.time.Duration.ofSeconds(10));
		var unrelated = ok(agent.post("/api/nlp/analyze", Map.of("title", "噪音", "content", "福田区梅林一村楼下餐馆油烟噪音扰民")));
		assertThat(unrelated.get("duplicates").findValuesAsString("no")).doesNotContain(first);

		body.put("title", "路灯坏了");
		body.put("content", retold);
		var second = ok(agent.post("/api/work-orders", body)).get("no").asString();
		// screened once the registration has committed
		var found = org.minsheng.testsupport.Eventually.value(() -> ok(agent.get("/api/nlp/duplicates/" + second)),
				d -> d.findValuesAsString("no").contains(first), java.time.Duration.ofSeconds(10));
		assertThat(found.get(0).get("score").asDouble()).isBetween(0.4, 1.0);

		// merged into the second, the first is nobody's duplicate any more
		ok(supervisor.post("/api/work-orders/" + first + "/merge", Map.of("masterNo", second)));
		org.minsheng.testsupport.Eventually.value(() -> ok(agent.get("/api/nlp/duplicates/" + second)).findValuesAsString("no"),
				nos -> !nos.contains(first), java.time.Duration.ofSeconds(10));
	}

	@Test
	void readsABatchOfRequestsInOrderAsItReadsEachAndABadOneNamesItsPlace() {
		int house = java.util.concurrent.ThreadLocalRandom.current().nextInt(100, 999);
		var open = ok(agent.post("/api/work-orders",
				yuehaiOrder("井盖缺失", "南山区粤海街道高新南" + house + "号门口的井盖丢了，晚上很危险，请尽快处理。"))).get("no").asString();
		org.minsheng.testsupport.Eventually.value(() -> count("select count(*) from work_order_screening where no = ?", open),
				n -> n == 0, java.time.Duration.ofSeconds(10));

		var requests = List.of(
				Map.of("title", "井盖丢了", "content", "粤海街道高新南" + house + "号门口井盖丢了，晚上很危险，希望尽快处理！"),
				Map.of("content", "我实在活不下去了，工资拖欠半年"),
				Map.of("title", "路灯不亮", "content", "深圳市南山区粤海街道科苑路的路灯坏了一周"));
		var batch = ok(agent.post("/api/nlp/analyze/batch", requests));
		assertThat(batch.size()).isEqualTo(3);
		assertThat(batch.get(0).get("duplicates").findValuesAsString("no")).contains(open);
		assertThat(batch.get(1).get("risks").findValuesAsString("kind")).contains("SELF_HARM");
		assertThat(batch.get(2).get("region").get("code").asString()).isEqualTo("440305007");
		for (int i = 0; i < requests.size(); i++) {
			var one = ok(agent.post("/api/nlp/analyze", requests.get(i)));
			assertThat(batch.get(i).toString()).as("request " + i + " read alone").isEqualTo(one.toString());
		}

		var bad = agent.post("/api/nlp/analyze/batch", List.of(Map.of("title", "路灯"), Map.of("title", " ")));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("requests[1].content");
		assertThat(agent.post("/api/nlp/analyze/batch", List.of()).status()).isEqualTo(400);
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

	/**
	 * 群体诉求: a mass incident is the moment the burst detector exists for. Every one of 260 alike
	 * complaints from 罗湖区 is registered (201) and kept, their screening finishes, the supervisors
	 * hear of the burst with its count and the newest orders, and no publication stays undelivered.
	 */
	@Test
	void aMassIncidentOfTwoHundredSixtyAlikeComplaintsIsRegisteredWholeAndReachesTheSupervisors() {
		int estate = java.util.concurrent.ThreadLocalRandom.current().nextInt(100, 999);
		var nos = new java.util.ArrayList<String>();
		for (int i = 0; i < 260; i++) {
			var body = new java.util.HashMap<String, Object>();
			body.put("channel", "PHONE");
			body.put("requestType", "COMPLAINT");
			body.put("urgency", "NORMAL");
			body.put("title", "小区停电");
			body.put("content", "罗湖区东门街道翠苑" + estate + "小区从昨晚开始整栋楼停电，供电局一直没有说明原因和恢复时间，冰箱里的东西都坏了，家里有老人，请尽快恢复供电"
					+ "！".repeat(i % 7) + (i % 2 == 0 ? "" : "谢谢。"));
			body.put("divisionCode", "440303003");
			body.put("callerPhone", "1370000" + String.format("%04d", i));
			var registered = agent.post("/api/work-orders", body);
			assertThat(registered.status()).as("complaint %d", i).isEqualTo(201);
			nos.add(registered.json().get("no").asString());
		}
		var in = "'" + String.join("','", nos) + "'";
		assertThat(count("select count(*) from work_order where order_no in (" + in + ")")).isEqualTo(260);
		org.minsheng.testsupport.Eventually.value(
				() -> count("select count(*) from work_order_screening where no in (" + in + ")"), n -> n == 0,
				java.time.Duration.ofSeconds(60));
		assertThat(count("select count(*) from nlp_order_signature where no in (" + in + ")")).isEqualTo(260);

		var notice = org.minsheng.testsupport.Eventually.value(() -> {
			for (var n : ok(supervisor.get("/api/notifications"))) {
				if (n.get("title").asString().contains("罗湖区") && n.get("title").asString().contains("疑似群体诉求")) return n;
			}
			return null;
		}, n -> n != null, java.time.Duration.ofSeconds(20));
		assertThat(notice.get("title").asString()).contains("件相似工单");
		org.minsheng.testsupport.Eventually.value(
				() -> count("select count(*) from event_publication where completion_date is null"
						+ " and event_type like '%RequestBurstDetected'"),
				n -> n == 0, java.time.Duration.ofSeconds(20));
		assertThat(ok(agent.get("/api/work-orders/" + nos.getLast())).get("screening").isNull()).isTrue();
	}

	/** The registry keeps whole any event the platform publishes, far beyond H2's old 4,000 characters. */
	@Test
	void theEventRegistryKeepsAnEventOfAHundredThousandCharacters() {
		var id = java.util.UUID.randomUUID();
		var big = "{\"text\":\"" + "群".repeat(100_000) + "\"}";
		jdbc.update("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,"
				+ " completion_date) values (?, ?, ?, ?, ?, ?)", id, "test.listener", "test.BigEvent", big,
				java.time.OffsetDateTime.now(), java.time.OffsetDateTime.now());
		assertThat(jdbc.queryForObject("select serialized_event from event_publication where id = ?", String.class, id))
			.isEqualTo(big);
		jdbc.update("delete from event_publication where id = ?", id);
	}

	/**
	 * A department model left active would advise the orders of every later test, a center's risk
	 * model would read their texts: each test turns them off (the shipped risk model takes over).
	 */
	@org.junit.jupiter.api.AfterEach
	void departmentAndRiskModelsOff() {
		assertThat(supervisor.delete("/api/nlp/models/department/active").status()).isEqualTo(204);
		assertThat(supervisor.delete("/api/nlp/models/risk/active").status()).isEqualTo(204);
	}

	static final String[] WATER = { "自来水管破裂，一直在漏水", "小区停水两天了没有通知", "水龙头出来的水发黄有异味", "水压太低，楼上用不了水",
			"水表走得特别快，水费异常", "供水管道爆裂路面积水", "二次供水水箱没人清洗", "停水后来水浑浊不能喝" };

	static final String[] WAGES = { "公司拖欠工资三个月", "老板不发工资人跑了", "工地拖欠农民工工钱", "加班不给加班费",
			"辞职后单位扣着工资不给", "包工头欠薪不还", "工厂停工不发生活费", "年底了工资还没结清" };

	/** Two bureaus with a handler each, and import rows teaching which one handles what. */
	record Bureaus(long water, String waterName, Api.Session waterHandler, long labour, String labourName) {
	}

	Bureaus bureaus() {
		var tag = org.minsheng.testsupport.IdentityFixture.unique("");
		var waterName = "水务局" + tag;
		var labourName = "人社局" + tag;
		long water = given.department(waterName, "BUREAU", given.rootId(), null);
		long labour = given.department(labourName, "BUREAU", given.rootId(), null);
		var handler = org.minsheng.testsupport.IdentityFixture.unique("swj");
		given.user(handler, water, "HANDLER");
		var rows = new StringBuilder("id,title,detail,category,department\n");
		for (int i = 0; i < WATER.length; i++) {
			rows.append("w").append(i).append(',').append(WATER[i]).append(",,,").append(waterName).append('\n');
			rows.append("l").append(i).append(',').append(WAGES[i]).append(",,,").append(labourName).append('\n');
		}
		assertThat(ok(csv(supervisor, rows.toString())).get("imported").asInt()).isEqualTo(16);
		return new Bureaus(water, waterName, api.as(handler, org.minsheng.testsupport.IdentityFixture.PASSWORD), labour,
				labourName);
	}

	java.util.Map<String, Object> order(String title, String content) {
		var body = new java.util.HashMap<String, Object>();
		body.put("channel", "PHONE");
		body.put("requestType", "COMPLAINT");
		body.put("urgency", "NORMAL");
		body.put("title", title);
		body.put("content", content);
		body.put("callerPhone", "1391234" + String.format("%04d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000)));
		return body;
	}

	@Test
	void aSureDepartmentModelDispatchesByItselfSaysWhyAndItsReturnsAreCounted() {
		var b = bureaus();
		var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		var figures = "/api/nlp/dispatch-figures?from=" + today + "&to=" + today;
		var before = ok(supervisor.get(figures));

		var model = ok(supervisor.post("/api/nlp/models/train?kind=department", null));
		assertThat(model.get("kind").asString()).isEqualTo("DEPARTMENT");
		assertThat(model.get("active").asBoolean()).isTrue();

		var analysis = ok(agent.post("/api/nlp/analyze", Map.of("title", "家里水管漏水", "content", "自来水管破裂了，一直在漏水")));
		assertThat(analysis.get("department").get("label").asString()).isEqualTo(b.waterName());
		assertThat(analysis.get("department").get("confidence").asDouble()).isGreaterThan(0.9);

		var view = ok(agent.post("/api/work-orders", order("自来水管破裂", "楼下自来水管破裂，一直在漏水，请尽快派人维修")));
		var no = view.get("no").asString();
		assertThat(view.get("state").asString()).as("dispatched without a dispatcher").isEqualTo("DISPATCHED");
		assertThat(view.get("lead").get("id").asLong()).isEqualTo(b.water());
		var timeline = ok(supervisor.get("/api/work-orders/" + no + "/timeline"));
		var dispatch = timeline.get(timeline.size() - 1);
		assertThat(dispatch.get("action").asString()).isEqualTo("AUTO_DISPATCHED");
		assertThat(dispatch.get("actionLabel").asString() + dispatch.get("comment").asString()).contains("部门模型");

		var unsure = ok(agent.post("/api/work-orders", order("咨询", "想问一下办事大厅周六上不上班")));
		assertThat(unsure.get("state").asString()).as("an unsure model leaves it to the dispatcher").isNotEqualTo("DISPATCHED");

		ok(b.waterHandler().post("/api/work-orders/" + no + "/return", Map.of("reason", "管道属物业管养")));
		var after = org.minsheng.testsupport.Eventually.value(() -> ok(supervisor.get(figures)),
				f -> f.get("automaticReturned").asLong() > before.get("automaticReturned").asLong(),
				java.time.Duration.ofSeconds(10));
		assertThat(after.get("automatic").asLong()).isEqualTo(before.get("automatic").asLong() + 1);
		assertThat(after.get("automaticReturnRate").asDouble()).isBetween(0.0, 1.0);
		assertThat(after.get("automaticShare").asDouble()).isGreaterThan(0.0);
		assertThat(agent.get(figures).status()).isEqualTo(403);
		var wrong = supervisor.get("/api/nlp/dispatch-figures?from=" + today + "&to=" + today.minusDays(1));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("to");
	}

	@Test
	void learnsWhichDepartmentHandlesWhatFromClosedOrders() {
		var b = bureaus();
		var tag = org.minsheng.testsupport.IdentityFixture.unique("");
		var trafficName = "交通局" + tag;
		long traffic = given.department(trafficName, "BUREAU", given.rootId(), null);
		var handlerName = org.minsheng.testsupport.IdentityFixture.unique("jtj");
		given.user(handlerName, traffic, "HANDLER");
		var handler = api.as(handlerName, org.minsheng.testsupport.IdentityFixture.PASSWORD);
		var dispatcherName = org.minsheng.testsupport.IdentityFixture.unique("nlpdisp");
		given.user(dispatcherName, given.rootId(), "DISPATCHER");
		var dispatcher = api.as(dispatcherName, org.minsheng.testsupport.IdentityFixture.PASSWORD);
		String[] bikes = { "共享单车乱停放堵住人行道", "地铁口共享单车堆成山没人管", "共享单车停在盲道上很危险" };
		for (var text : bikes) {
			var no = ok(agent.post("/api/work-orders", order(text, text + "，希望相关部门清理"))).get("no").asString();
			ok(dispatcher.post("/api/work-orders/" + no + "/dispatch", Map.of("leadDepartmentId", traffic)));
			ok(handler.post("/api/work-orders/" + no + "/sign", null));
			ok(handler.post("/api/work-orders/" + no + "/reply", Map.of("resultType", "RESOLVED", "content", "已清理")));
			ok(dispatcher.post("/api/work-orders/" + no + "/review", Map.of("approve", true)));
			ok(agent.post("/api/work-orders/" + no + "/callback", Map.of("satisfaction", "SATISFIED", "note", "满意")));
		}

		var model = ok(supervisor.post("/api/nlp/models/train?kind=department", null));

		assertThat(model.get("examples").asInt()).as("16 imported and the closed orders").isGreaterThanOrEqualTo(19);
		var analysis = ok(agent.post("/api/nlp/analyze", Map.of("content", "小区门口共享单车乱停放")));
		assertThat(analysis.get("department").get("label").asString()).isEqualTo(trafficName);
	}

	@Test
	void anOlderModelVersionCanBeMadeActiveAgain() {
		bureaus();
		int first = ok(supervisor.post("/api/nlp/models/train?kind=department", null)).get("version").asInt();
		int second = ok(supervisor.post("/api/nlp/models/train?kind=department", null)).get("version").asInt();
		assertThat(second).isGreaterThan(first);

		var back = ok(supervisor.post("/api/nlp/models/department/" + first + "/activate", null));

		assertThat(back.get("active").asBoolean()).isTrue();
		var active = new java.util.ArrayList<Integer>();
		for (var m : ok(supervisor.get("/api/nlp/models"))) {
			if (m.get("kind").asString().equals("DEPARTMENT") && m.get("active").asBoolean()) active.add(m.get("version").asInt());
		}
		assertThat(active).containsExactly(first);
		assertThat(supervisor.post("/api/nlp/models/department/99999/activate", null).status()).isEqualTo(404);
		var badKind = supervisor.post("/api/nlp/models/train?kind=mood", null);
		assertThat(badKind.status()).isEqualTo(400);
		assertThat(badKind.body()).contains("kind");
		assertThat(agent.post("/api/nlp/models/department/" + first + "/activate", null).status()).isEqualTo(403);
		assertThat(count("select count(*) from audit_entry where action = 'NLP_MODEL_ACTIVATED'")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void readsTheEmotionOfARequestOnceAnEmotionModelIsTrained() {
		var rows = new StringBuilder("id,title,detail,emotion\n");
		String[] angry = { "你们到底管不管，太气人了", "投诉多少次了都没人理，简直欺人太甚", "这什么服务态度，气死我了", "忍无可忍，再不处理我就天天打",
				"踢皮球踢了三个月，太过分了", "敷衍了事，你们就是不作为" };
		String[] calm = { "请问社保卡在哪里办理", "想咨询一下公积金提取的材料", "我想了解一下办理居住证的流程", "请问周末办事大厅开门吗",
				"咨询一下新生儿落户需要什么", "请问老年卡怎么申请" };
		String[] thanks = { "感谢你们这么快就修好了路灯", "非常满意，谢谢工作人员", "给你们点赞，问题解决了", "谢谢热线的帮助，很及时",
				"表扬一下社区的工作人员", "服务很好，非常感谢" };
		for (int i = 0; i < 6; i++) {
			rows.append("a").append(i).append(',').append(angry[i]).append(",,angry\n");
			rows.append("c").append(i).append(',').append(calm[i]).append(",,平和\n");
			rows.append("t").append(i).append(',').append(thanks[i]).append(",,positive\n");
		}
		rows.append("x,不知道算什么,,惊讶万分\n");
		var report = ok(csv(supervisor, rows.toString()));
		assertThat(report.get("imported").asInt()).isEqualTo(18);
		assertThat(report.get("errors").get(0).get("field").asString()).isEqualTo("emotion");

		ok(supervisor.post("/api/nlp/models/train?kind=emotion", null));

		var analysis = ok(agent.post("/api/nlp/analyze", Map.of("content", "都投诉三次了还是没人管，太过分了，气死人")));
		assertThat(analysis.get("emotion").get("label").asString()).isEqualTo("愤怒");
		assertThat(analysis.get("emotion").get("confidence").asDouble()).isBetween(0.0, 1.0);
	}

	static tools.jackson.databind.JsonNode ok(Api.Response r) {
		assertThat(r.status()).as(r.body()).isBetween(200, 299);
		return r.json();
	}
}
