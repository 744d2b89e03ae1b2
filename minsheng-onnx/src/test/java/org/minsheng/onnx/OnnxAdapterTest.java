package org.minsheng.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxAdapterTest {

	/** [PAD] [UNK] [CLS] [SEP] 水 漏 钱 工 资 wifi */
	static final List<String> VOCAB = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "水", "漏", "钱", "工", "资", "wifi");

	/** Water words lean to the first label, money words to the second; the framing tokens to neither. */
	static final float[][] EMBEDDING = { { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 }, { 3, 0 }, { 2, 0 }, { 0, 3 }, { 0, 2 },
			{ 0, 2 }, { 1, 1 } };

	@TempDir
	Path dir;

	Path vocab() throws Exception {
		return Files.write(dir.resolve("vocab.txt"), VOCAB, StandardCharsets.UTF_8);
	}

	@Test
	void aClassifierFileWithItsVocabularyAndLabelsReadsATextThroughOnnxRuntime() throws Exception {
		var model = TinyOnnx.classifier(dir.resolve("tiny.onnx"), EMBEDDING, new float[][] { { 1, 0 }, { 0, 1 } },
				new float[] { 0, 0 });
		var labels = Files.write(dir.resolve("labels.txt"), List.of("城乡建设", "劳动和社会保障"), StandardCharsets.UTF_8);

		try (var classifier = OnnxTextClassifier.load(model, vocab(), labels, 128, 1)) {
			var water = classifier.classify("家里漏水了");
			assertThat(water.label()).isEqualTo("城乡建设");
			// mean over [CLS] 家(UNK) 里(UNK) 漏 水 了(UNK) [SEP] = (5/7, 0): softmax of (0.714, 0)
			assertThat(water.confidence()).isCloseTo(1 / (1 + Math.exp(-5.0 / 7)), within(1e-5));
			assertThat(water.alternatives()).singleElement().satisfies(a -> assertThat(a.label()).isEqualTo("劳动和社会保障"));
			assertThat(classifier.classify("拖欠工资").label()).isEqualTo("劳动和社会保障");
		}
	}

	@Test
	void anEncoderGivesTheUnitMeanOfItsTokenVectors() throws Exception {
		var model = TinyOnnx.encoder(dir.resolve("encoder.onnx"), EMBEDDING);

		try (var encoder = OnnxTextEncoder.load(model, vocab(), 128, 1)) {
			var v = encoder.encode("漏水 WIFI");
			// [CLS] 漏 水 wifi [SEP]: mean (6/5, 1/5), unit length
			double n = Math.hypot(6, 1);
			assertThat(v[0]).isCloseTo((float) (6 / n), within(1e-5f));
			assertThat(v[1]).isCloseTo((float) (1 / n), within(1e-5f));
			assertThat(encoder.encode("家")).containsExactly(0f, 0f);
		}
	}

	@Test
	void anEncoderTrainedOnItsFirstTokenGivesThatTokensVector() throws Exception {
		// a model whose [CLS] row says (3, 4): what BGE-style encoders are read by
		var embedding = EMBEDDING.clone();
		embedding[2] = new float[] { 3, 4 };
		var model = TinyOnnx.encoder(dir.resolve("cls.onnx"), embedding);

		try (var encoder = OnnxTextEncoder.load(model, vocab(), 128, 1, OnnxTextEncoder.Pooling.CLS)) {
			assertThat(encoder.encode("漏水")).containsExactly(0.6f, 0.8f);
			assertThat(encoder.encode("工资")).as("whatever follows [CLS]").containsExactly(0.6f, 0.8f);
		}
	}

	@Test
	void theRuntimeRunsOnItsOwnThreadsWithALargeStack() throws Exception {
		var model = TinyOnnx.encoder(dir.resolve("stack.onnx"), EMBEDDING);
		// a quantized encoder's session overflowed an ordinary 1 MB Java stack and killed the process
		var vocab = vocab();
		var seen = new String[1];
		var caller = new Thread(null, () -> {
			try (var encoder = OnnxTextEncoder.load(model, vocab, 128, 1)) {
				encoder.encode("漏水");
				seen[0] = "ok";
			}
		}, "small-stack", 256 * 1024);
		caller.start();
		caller.join();
		assertThat(seen[0]).isEqualTo("ok");
		assertThat(OnnxModel.STACK).isGreaterThanOrEqualTo(16L << 20);
	}

	@Test
	void aWrongFileFailsAtLoadingAndSaysWhatIsWrong() throws Exception {
		var model = TinyOnnx.classifier(dir.resolve("tiny.onnx"), EMBEDDING, new float[][] { { 1, 0 }, { 0, 1 } },
				new float[] { 0, 0 });
		var three = Files.write(dir.resolve("three.txt"), List.of("a", "b", "c"), StandardCharsets.UTF_8);
		assertThatThrownBy(() -> OnnxTextClassifier.load(model, vocab(), three, 128, 1))
			.hasMessageContaining("3 labels");
		var garbage = Files.write(dir.resolve("garbage.onnx"), new byte[] { 1, 2, 3, 4 });
		var two = Files.write(dir.resolve("two.txt"), List.of("a", "b"), StandardCharsets.UTF_8);
		assertThatThrownBy(() -> OnnxTextClassifier.load(garbage, vocab(), two, 128, 1))
			.hasMessageContaining("Cannot load the ONNX model");
		assertThatThrownBy(() -> OnnxTextClassifier.load(dir.resolve("missing.onnx"), vocab(), two, 128, 1))
			.hasMessageContaining("No ONNX model file");
		var noUnk = Files.write(dir.resolve("bad-vocab.txt"), List.of("[CLS]", "[SEP]", "水"), StandardCharsets.UTF_8);
		assertThatThrownBy(() -> OnnxTextClassifier.load(model, noUnk, two, 128, 1)).hasMessageContaining("[UNK]");
	}

	@Test
	void theTokenizerFramesCutsAndKnowsWholeLatinWords() {
		var v = Vocabulary.of(VOCAB, "test");
		assertThat(v.encode("漏水WiFi？", 128)).containsExactly(2, 5, 4, 9, 1, 3);
		assertThat(v.encode("水水水水水", 4)).containsExactly(2, 4, 4, 3);
	}
}
