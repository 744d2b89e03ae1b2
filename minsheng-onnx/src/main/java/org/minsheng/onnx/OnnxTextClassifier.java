package org.minsheng.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.minsheng.nlp.Classification;

/**
 * A fine-tuned transformer classifier (for example a Chinese BERT exported to ONNX) as an optional
 * replacement of the linear category model: the model file, its {@code vocab.txt} and a labels
 * file (one label a line, in the order of the model's logits). Its output is {@code batch × labels}
 * logits; the probabilities are their softmax.
 */
public final class OnnxTextClassifier implements AutoCloseable {

	private final OnnxModel model;

	private final Vocabulary vocabulary;

	private final List<String> labels;

	private final int maxLength;

	private OnnxTextClassifier(OnnxModel model, Vocabulary vocabulary, List<String> labels, int maxLength) {
		this.model = model;
		this.vocabulary = vocabulary;
		this.labels = labels;
		this.maxLength = maxLength;
	}

	public static OnnxTextClassifier load(Path modelFile, Path vocabFile, Path labelsFile, int maxLength, int threads) {
		List<String> labels;
		Vocabulary vocabulary;
		try {
			labels = Files.readAllLines(labelsFile, StandardCharsets.UTF_8).stream().map(String::strip)
				.filter(l -> !l.isEmpty()).toList();
			vocabulary = Vocabulary.read(vocabFile);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the vocabulary or labels of " + modelFile, e);
		}
		if (labels.size() < 2) throw new IllegalArgumentException("The labels file " + labelsFile + " needs two labels or more");
		var model = OnnxModel.load(modelFile, threads);
		var shape = model.outputShape();
		if (shape.length != 2 || (shape[1] > 0 && shape[1] != labels.size())) {
			model.close();
			throw new IllegalArgumentException(modelFile + " gives logits of shape " + java.util.Arrays.toString(shape)
					+ " but " + labelsFile + " names " + labels.size() + " labels");
		}
		return new OnnxTextClassifier(model, vocabulary, labels, maxLength);
	}

	public List<String> labels() {
		return labels;
	}

	public Classification classify(String text) {
		var logits = ((float[][]) model.run(vocabulary.encode(text, maxLength)))[0];
		if (logits.length != labels.size()) {
			throw new IllegalStateException("The model gave " + logits.length + " logits for " + labels.size() + " labels");
		}
		double max = Double.NEGATIVE_INFINITY;
		for (float l : logits) max = Math.max(max, l);
		var p = new double[logits.length];
		double sum = 0;
		for (int i = 0; i < p.length; i++) {
			p[i] = Math.exp(logits[i] - max);
			sum += p[i];
		}
		var order = new ArrayList<Integer>();
		for (int i = 0; i < p.length; i++) {
			p[i] /= sum;
			order.add(i);
		}
		order.sort((a, b) -> Double.compare(p[b], p[a]));
		var alternatives = order.subList(1, Math.min(4, order.size())).stream()
			.map(i -> new Classification.Alternative(labels.get(i), p[i])).toList();
		return new Classification(labels.get(order.getFirst()), p[order.getFirst()], alternatives);
	}

	@Override
	public void close() {
		model.close();
	}
}
