package org.minsheng.knowledge.internal;

import java.nio.file.Path;
import java.util.Locale;

import org.minsheng.onnx.OnnxTextEncoder;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The optional sentence encoder of the knowledge base: an embedding model exported to ONNX and its
 * {@code vocab.txt} ({@code minsheng.knowledge.onnx.encoder-model}, {@code -vocab}; {@code
 * -encoder-pooling} mean or cls, {@code -query-prefix}, {@code -words-weight}). When configured
 * every article gets a dense vector in the index (HNSW) and searches add the nearest articles by
 * meaning to those found by words. Nothing is downloaded; without it search is BM25 alone.
 */
@Component
class DenseEncoder implements AutoCloseable {

	private final OnnxTextEncoder encoder;

	private final String name;

	private final String queryPrefix;

	private final double wordsWeight;

	DenseEncoder(@Value("${minsheng.knowledge.onnx.encoder-model:}") String model,
			@Value("${minsheng.knowledge.onnx.encoder-vocab:}") String vocab,
			@Value("${minsheng.knowledge.onnx.max-length:256}") int maxLength,
			@Value("${minsheng.knowledge.onnx.threads:1}") int threads,
			@Value("${minsheng.knowledge.onnx.encoder-pooling:mean}") String pooling,
			@Value("${minsheng.knowledge.onnx.query-prefix:}") String queryPrefix,
			@Value("${minsheng.knowledge.onnx.words-weight:0.5}") double wordsWeight) {
		if (!(wordsWeight >= 0 && wordsWeight <= 1)) {
			throw new IllegalArgumentException("minsheng.knowledge.onnx.words-weight lies in [0, 1], not " + wordsWeight);
		}
		this.queryPrefix = queryPrefix;
		this.wordsWeight = wordsWeight;
		if (model.isBlank()) {
			encoder = null;
			name = null;
			return;
		}
		OnnxTextEncoder.Pooling how;
		try {
			how = OnnxTextEncoder.Pooling.valueOf(pooling.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("minsheng.knowledge.onnx.encoder-pooling is mean or cls, not " + pooling);
		}
		if (vocab.isBlank()) {
			throw new IllegalArgumentException(
					"minsheng.knowledge.onnx.encoder-model needs minsheng.knowledge.onnx.encoder-vocab beside it");
		}
		encoder = OnnxTextEncoder.load(Path.of(model), Path.of(vocab), maxLength, threads, how);
		name = Path.of(model).getFileName().toString() + "#" + how.name().toLowerCase(Locale.ROOT)
				+ (queryPrefix.isEmpty() ? "" : "#q");
		LoggerFactory.getLogger(DenseEncoder.class).info("Knowledge search adds dense vectors of {}", model);
	}

	/**
	 * How much of a search's order the words decide, the rest going to meaning (0.5: as much; on the
	 * Taipei questions 0.4–0.6 scored alike, and 0.5 was not chosen on them).
	 */
	double wordsWeight() {
		return wordsWeight;
	}

	boolean enabled() {
		return encoder != null;
	}

	/** The model's file name and how it pools: an index built another way is rebuilt. */
	String name() {
		return name;
	}

	/** An article's vector: its text made Simplified, as the words of the index are. */
	float[] encode(String text) {
		return encoder.encode(com.hankcs.hanlp.HanLP.convertToSimplifiedChinese(text));
	}

	/**
	 * A question's vector: made Simplified, after {@code minsheng.knowledge.onnx.query-prefix} (the
	 * instruction some retrieval models want before a short query, e.g. BGE's
	 * 为这个句子生成表示以用于检索相关文章：).
	 */
	float[] encodeQuery(String question) {
		return encoder.encode(queryPrefix + com.hankcs.hanlp.HanLP.convertToSimplifiedChinese(question));
	}

	@Override
	public void close() {
		if (encoder != null) encoder.close();
	}
}
