package org.minsheng.knowledge.internal;

import java.nio.file.Path;

import org.minsheng.onnx.OnnxTextEncoder;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The optional sentence encoder of the knowledge base: an embedding model exported to ONNX and its
 * {@code vocab.txt} ({@code minsheng.knowledge.onnx.encoder-model}, {@code -vocab}). When configured
 * every article gets a dense vector in the index (HNSW) and searches add the nearest articles by
 * meaning to those found by words. Nothing is downloaded; without it search is BM25 alone.
 */
@Component
class DenseEncoder implements AutoCloseable {

	private final OnnxTextEncoder encoder;

	private final String name;

	DenseEncoder(@Value("${minsheng.knowledge.onnx.encoder-model:}") String model,
			@Value("${minsheng.knowledge.onnx.encoder-vocab:}") String vocab,
			@Value("${minsheng.knowledge.onnx.max-length:256}") int maxLength,
			@Value("${minsheng.knowledge.onnx.threads:1}") int threads) {
		if (model.isBlank()) {
			encoder = null;
			name = null;
			return;
		}
		if (vocab.isBlank()) {
			throw new IllegalArgumentException(
					"minsheng.knowledge.onnx.encoder-model needs minsheng.knowledge.onnx.encoder-vocab beside it");
		}
		encoder = OnnxTextEncoder.load(Path.of(model), Path.of(vocab), maxLength, threads);
		name = Path.of(model).getFileName().toString();
		LoggerFactory.getLogger(DenseEncoder.class).info("Knowledge search adds dense vectors of {}", model);
	}

	boolean enabled() {
		return encoder != null;
	}

	/** The model's file name: an index built with another model is rebuilt. */
	String name() {
		return name;
	}

	float[] encode(String text) {
		return encoder.encode(text);
	}

	@Override
	public void close() {
		if (encoder != null) encoder.close();
	}
}
