package org.minsheng.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class DenseEncoderTest {

	static String resource(String name) throws Exception {
		return Path.of(DenseEncoderTest.class.getResource("/onnx/" + name).toURI()).toString();
	}

	@Test
	void withoutAModelSearchIsByWordsAlone() {
		var encoder = new DenseEncoder("", "", 256, 1, "mean", "", 0.5);
		assertThat(encoder.enabled()).isFalse();
	}

	@Test
	void poolingIsMeanOrClsAndBothNameTheIndex() throws Exception {
		assertThatThrownBy(() -> new DenseEncoder(resource("tiny-encoder.onnx"), resource("vocab.txt"), 256, 1, "max", "", 0.5))
			.hasMessageContaining("minsheng.knowledge.onnx.encoder-pooling");
		try (var mean = new DenseEncoder(resource("tiny-encoder.onnx"), resource("vocab.txt"), 256, 1, "mean", "", 0.5);
				var cls = new DenseEncoder(resource("tiny-encoder.onnx"), resource("vocab.txt"), 256, 1, "CLS", "", 0.5)) {
			assertThat(mean.name()).isEqualTo("tiny-encoder.onnx#mean");
			assertThat(cls.name()).as("an index built with other vectors is rebuilt").isEqualTo("tiny-encoder.onnx#cls");
		}
	}

	@Test
	void questionsAreReadAfterTheModelsInstructionAndTraditionalAsSimplified() throws Exception {
		try (var plain = new DenseEncoder(resource("tiny-encoder.onnx"), resource("vocab.txt"), 256, 1, "mean", "", 0.5);
				var instructed = new DenseEncoder(resource("tiny-encoder.onnx"), resource("vocab.txt"), 256, 1, "mean", "工资", 0.5)) {
			assertThat(instructed.name()).endsWith("#q");
			assertThat(plain.encodeQuery("漏水")).isEqualTo(plain.encode("漏水"));
			assertThat(instructed.encodeQuery("漏水")).as("the prefix is read too").isNotEqualTo(instructed.encode("漏水"));
			// 錢 (Traditional) is read as 钱, a word the tiny model knows
			assertThat(plain.encode("錢")).isEqualTo(plain.encode("钱"));
		}
	}

	@Test
	void theWeightOfWordsAgainstMeaningLiesBetweenNoneAndAll() {
		for (double bad : new double[] { -0.1, 1.5, Double.NaN }) {
			assertThatThrownBy(() -> new DenseEncoder("", "", 256, 1, "mean", "", bad))
				.hasMessageContaining("minsheng.knowledge.onnx.words-weight");
		}
		assertThat(new DenseEncoder("", "", 256, 1, "mean", "", 0.3).wordsWeight()).isEqualTo(0.3);
	}

	static org.apache.lucene.search.ScoreDoc doc(int id, double score) {
		return new org.apache.lucene.search.ScoreDoc(id, (float) score);
	}

	@Test
	void fusionWeighsHowFarAheadAnArticleIsInEachListNotOnlyItsPlace() {
		// words: 1 far ahead of 2 and 3; meaning: 2 barely ahead of 1, 3 far behind
		var words = java.util.List.of(doc(1, 12.0), doc(2, 3.0), doc(3, 2.0));
		var meaning = java.util.List.of(doc(2, 0.82), doc(1, 0.81), doc(3, 0.60));

		var fused = KnowledgeIndex.fused(words, meaning, 0.5);

		// by ranks alone 1 and 2 would tie; by how far ahead, 1 leads
		assertThat(fused.stream().map(d -> d.doc)).containsExactly(1, 2, 3);
		assertThat(fused.get(0).score).isCloseTo(0.5f + 0.5f * (0.81f - 0.60f) / (0.82f - 0.60f),
				org.assertj.core.api.Assertions.within(1e-5f));
	}

	@Test
	void anArticleFoundByOneListAloneCountsThereOnlyAndTheWeightDecidesBetweenThem() {
		var words = java.util.List.of(doc(1, 9.0), doc(3, 1.0));
		var meaning = java.util.List.of(doc(2, 0.9), doc(3, 0.5));

		assertThat(KnowledgeIndex.fused(words, meaning, 0.8).get(0).doc).as("words weigh more").isEqualTo(1);
		assertThat(KnowledgeIndex.fused(words, meaning, 0.2).get(0).doc).as("meaning weighs more").isEqualTo(2);
		assertThat(KnowledgeIndex.fused(words, java.util.List.of(), 0.5).stream().map(d -> d.doc)).containsExactly(1, 3);
		assertThat(KnowledgeIndex.fused(java.util.List.of(doc(7, 4.0)), java.util.List.of(), 0.5).get(0).score)
			.as("a list of one: its article is the best of it").isEqualTo(0.5f);
	}
}
