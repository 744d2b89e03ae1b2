package org.minsheng.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.IdentityFixture;
import org.minsheng.testsupport.OnH2;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A center that configured ONNX models: a transformer reads the category, an encoder adds search by
 * meaning. Its settings make a context of its own, closed after the class rather than kept to the
 * end of the run.
 */
@OnH2
@org.springframework.test.annotation.DirtiesContext
class OnnxModelsOnH2Test extends ApplicationTest {

	@DynamicPropertySource
	static void onnx(DynamicPropertyRegistry registry) {
		registry.add("minsheng.nlp.onnx.category-model", () -> resource("tiny-category.onnx"));
		registry.add("minsheng.nlp.onnx.category-vocab", () -> resource("vocab.txt"));
		registry.add("minsheng.nlp.onnx.category-labels", () -> resource("labels.txt"));
		registry.add("minsheng.knowledge.onnx.encoder-model", () -> resource("tiny-encoder.onnx"));
		registry.add("minsheng.knowledge.onnx.encoder-vocab", () -> resource("vocab.txt"));
	}

	static String resource(String name) {
		try {
			return Path.of(OnnxModelsOnH2Test.class.getResource("/onnx/" + name).toURI()).toString();
		}
		catch (java.net.URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void theConfiguredOnnxModelReadsTheCategoryWithoutAnyTraining() {
		var name = IdentityFixture.unique("onnxag");
		given.user(name, given.rootId(), "AGENT");
		var agent = api.as(name, IdentityFixture.PASSWORD);

		var water = agent.post("/api/nlp/analyze", Map.of("title", "漏水", "content", "楼上漏水，水一直往下滴"));
		var wages = agent.post("/api/nlp/analyze", Map.of("title", "工资", "content", "老板拖欠工资，钱一直不给"));

		assertThat(water.status()).as(water.body()).isEqualTo(200);
		assertThat(water.json().get("category").get("label").asString()).isEqualTo("城乡建设");
		assertThat(water.json().get("alternatives").get(0).get("label").asString()).isEqualTo("劳动和社会保障");
		assertThat(wages.json().get("category").get("label").asString()).isEqualTo("劳动和社会保障");
		assertThat(water.json().get("modelVersion").isNull()).as("not a trained linear version").isTrue();
	}

	@Test
	void knowledgeSearchFindsAnArticleByMeaningWhenItSharesNoWordWithTheQuestion() {
		var editorName = IdentityFixture.unique("onnxed");
		var reviewerName = IdentityFixture.unique("onnxrv");
		given.user(editorName, given.rootId(), "SUPERVISOR");
		given.user(reviewerName, given.rootId(), "SUPERVISOR");
		var editor = api.as(editorName, IdentityFixture.PASSWORD);
		var reviewer = api.as(reviewerName, IdentityFixture.PASSWORD);
		long water = publish(editor, reviewer, "自来水维修", "<p>自来水管道由水务集团维修。</p>");
		long wages = publish(editor, reviewer, "欠薪投诉", "<p>拖欠工资请向劳动监察投诉，讨要工钱。</p>");

		// 漏 is in neither article: only the vectors (漏 leans like 水) can find it
		var leak = editor.get("/api/kb/search?q=" + java.net.URLEncoder.encode("漏", java.nio.charset.StandardCharsets.UTF_8) + "&top=5");
		assertThat(leak.status()).as(leak.body()).isEqualTo(200);
		assertThat(leak.json().get(0).get("id").asLong()).isEqualTo(water);

		var pay = editor.get("/api/kb/search?q=" + java.net.URLEncoder.encode("钱", java.nio.charset.StandardCharsets.UTF_8) + "&top=5");
		assertThat(pay.json().get(0).get("id").asLong()).isEqualTo(wages);
	}

	long publish(org.minsheng.testsupport.Api.Session editor, org.minsheng.testsupport.Api.Session reviewer, String title,
			String body) {
		var created = editor.post("/api/kb/articles", Map.of("type", "GUIDE", "departmentId", given.rootId(), "title", title,
				"body", body));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(editor.post("/api/kb/articles/" + id + "/submit", null).status()).isEqualTo(200);
		assertThat(reviewer.post("/api/kb/articles/" + id + "/approve", null).status()).isEqualTo(200);
		return id;
	}
}
