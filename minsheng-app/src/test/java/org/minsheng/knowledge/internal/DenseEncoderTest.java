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
		var encoder = new DenseEncoder("", "", 256, 1, "mean", "");
		assertThat(encoder.enabled()).isFalse();
	}

	@Test
	void poolingIsMeanOrClsAndBothNameTheIndex() throws Exception {
		assertThatThrownBy(() -> new DenseEncoder(resource("tiny-encoder.onnx"), resource("vocab.txt"), 256, 1, "max", ""))
			.hasMessageContaining("minsheng.knowledge.onnx.encoder-pooling");
		try (var mean = new DenseEncoder(resource("tiny-encoder.onnx"), resource("vocab.txt"), 256, 1, "mean", "");
				var cls = new DenseEncoder(resource("tiny-encoder.onnx"), resource("vocab.txt"), 256, 1, "CLS", "")) {
			assertThat(mean.name()).isEqualTo("tiny-encoder.onnx#mean");
			assertThat(cls.name()).as("an index built with other vectors is rebuilt").isEqualTo("tiny-encoder.onnx#cls");
		}
	}

	@Test
	void questionsAreReadAfterTheModelsInstructionAndTraditionalAsSimplified() throws Exception {
		try (var plain = new DenseEncoder(resource("tiny-encoder.onnx"), resource("vocab.txt"), 256, 1, "mean", "");
				var instructed = new DenseEncoder(resource("tiny-encoder.onnx"), resource("vocab.txt"), 256, 1, "mean", "工资")) {
			assertThat(instructed.name()).endsWith("#q");
			assertThat(plain.encodeQuery("漏水")).isEqualTo(plain.encode("漏水"));
			assertThat(instructed.encodeQuery("漏水")).as("the prefix is read too").isNotEqualTo(instructed.encode("漏水"));
			// 錢 (Traditional) is read as 钱, a word the tiny model knows
			assertThat(plain.encode("錢")).isEqualTo(plain.encode("钱"));
		}
	}
}
