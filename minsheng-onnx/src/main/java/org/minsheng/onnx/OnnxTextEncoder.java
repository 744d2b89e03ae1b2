package org.minsheng.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A sentence encoder (for example a Chinese sentence-embedding model exported to ONNX) for dense
 * retrieval: the text's vector, unit length, from an output of {@code batch × tokens × dims} (the
 * token vectors averaged, or the first token's taken, as the model was trained: BGE models use the
 * {@code [CLS]} token) or {@code batch × dims} (already pooled).
 */
public final class OnnxTextEncoder implements AutoCloseable {

	private final OnnxModel model;

	private final Vocabulary vocabulary;

	private final int maxLength;

	private final Pooling pooling;

	/** How token vectors become the text's: their mean, or the first ({@code [CLS]}) token's. */
	public enum Pooling {
		MEAN, CLS
	}

	private OnnxTextEncoder(OnnxModel model, Vocabulary vocabulary, int maxLength, Pooling pooling) {
		this.model = model;
		this.vocabulary = vocabulary;
		this.maxLength = maxLength;
		this.pooling = pooling;
	}

	public static OnnxTextEncoder load(Path modelFile, Path vocabFile, int maxLength, int threads) {
		return load(modelFile, vocabFile, maxLength, threads, Pooling.MEAN);
	}

	public static OnnxTextEncoder load(Path modelFile, Path vocabFile, int maxLength, int threads, Pooling pooling) {
		Vocabulary vocabulary;
		try {
			vocabulary = Vocabulary.read(vocabFile);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the vocabulary " + vocabFile, e);
		}
		var model = OnnxModel.load(modelFile, threads);
		int rank = model.outputShape().length;
		if (rank != 2 && rank != 3) {
			model.close();
			throw new IllegalArgumentException(modelFile + " gives an output of rank " + rank
					+ "; an encoder gives batch × dims or batch × tokens × dims");
		}
		return new OnnxTextEncoder(model, vocabulary, maxLength, pooling);
	}

	/** The vector of the text, scaled to unit length (a zero vector stays zero). */
	public float[] encode(String text) {
		var out = model.run(vocabulary.encode(text, maxLength));
		float[] vector;
		if (out instanceof float[][][] tokens && pooling == Pooling.CLS) {
			vector = tokens[0][0].clone();
		}
		else if (out instanceof float[][][] tokens) {
			var seq = tokens[0];
			vector = new float[seq[0].length];
			for (var token : seq) {
				for (int d = 0; d < vector.length; d++) vector[d] += token[d] / seq.length;
			}
		}
		else {
			vector = ((float[][]) out)[0].clone();
		}
		double norm = 0;
		for (float v : vector) norm += v * v;
		norm = Math.sqrt(norm);
		if (norm > 0) {
			for (int d = 0; d < vector.length; d++) vector[d] /= (float) norm;
		}
		return vector;
	}

	@Override
	public void close() {
		model.close();
	}
}
