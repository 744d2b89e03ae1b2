package org.minsheng.understanding.internal;

import java.nio.file.Path;
import java.util.Optional;

import org.minsheng.nlp.Classification;
import org.minsheng.onnx.OnnxTextClassifier;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The optional transformer category model: a fine-tuned classifier exported to ONNX, with its
 * {@code vocab.txt} and labels file, configured by {@code minsheng.nlp.onnx.category-model},
 * {@code -vocab} and {@code -labels}. When configured it reads the category in place of the linear
 * model (department and emotion stay linear); a wrong file stops the start with what is wrong.
 * Nothing is downloaded: the center supplies the files.
 */
@Component
class TransformerCategory implements AutoCloseable {

	private final OnnxTextClassifier classifier;

	private final String name;

	TransformerCategory(@Value("${minsheng.nlp.onnx.category-model:}") String model,
			@Value("${minsheng.nlp.onnx.category-vocab:}") String vocab,
			@Value("${minsheng.nlp.onnx.category-labels:}") String labels,
			@Value("${minsheng.nlp.onnx.max-length:256}") int maxLength,
			@Value("${minsheng.nlp.onnx.threads:1}") int threads) {
		if (model.isBlank()) {
			classifier = null;
			name = null;
			return;
		}
		if (vocab.isBlank() || labels.isBlank()) {
			throw new IllegalArgumentException(
					"minsheng.nlp.onnx.category-model needs minsheng.nlp.onnx.category-vocab and -labels beside it");
		}
		classifier = OnnxTextClassifier.load(Path.of(model), Path.of(vocab), Path.of(labels), maxLength, threads);
		name = Path.of(model).getFileName().toString();
		LoggerFactory.getLogger(TransformerCategory.class).info("Category read by the ONNX model {} ({} labels)", model,
				classifier.labels().size());
	}

	/** The transformer's reading, or empty when none is configured. */
	Optional<Classification> classify(String text) {
		return classifier == null ? Optional.empty() : Optional.of(classifier.classify(text));
	}

	/** The model file's name, for the analysis; null when none is configured. */
	String name() {
		return name;
	}

	@Override
	public void close() {
		if (classifier != null) classifier.close();
	}
}
