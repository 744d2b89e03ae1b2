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

/** A center that configured a transformer category model (ONNX) reads categories with it. */
@OnH2
class TransformerCategoryOnH2Test extends ApplicationTest {

	@DynamicPropertySource
	static void onnx(DynamicPropertyRegistry registry) {
		registry.add("minsheng.nlp.onnx.category-model", () -> resource("tiny-category.onnx"));
		registry.add("minsheng.nlp.onnx.category-vocab", () -> resource("vocab.txt"));
		registry.add("minsheng.nlp.onnx.category-labels", () -> resource("labels.txt"));
	}

	static String resource(String name) {
		try {
			return Path.of(TransformerCategoryOnH2Test.class.getResource("/onnx/" + name).toURI()).toString();
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
}
