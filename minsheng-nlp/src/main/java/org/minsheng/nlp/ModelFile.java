package org.minsheng.nlp;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The file of a {@link TextClassifier}, format 2: a gzip stream of big-endian data, documented in
 * docs/model-format.md, that needs no machine-learning library to read:
 *
 * <pre>
 * "MSTC"                  4 bytes, the magic
 * format                  int, 2
 * reading                 UTF, the TextReading version the model was trained on ("" if unknown)
 * temperature             double, 0 for LibLinear's own probabilities
 * unseen                  double, the idf of a feature the training never saw
 * labels                  int count, then UTF each, in the order of the weights
 * features                int count, then for each in number order: UTF name, double idf
 * bias                    int, the number of the constant feature, -1 if none
 * nrW, n                  int, int: weights per feature, features the weights cover
 * weights                 n × nrW doubles, feature by feature
 * </pre>
 *
 * Files written before format 2 (Java serialization of the Tribuo model) are still read, and
 * answer as they did.
 */
final class ModelFile {

	static final int FORMAT = 2;

	private static final byte[] MAGIC = { 'M', 'S', 'T', 'C' };

	/** Java serialization's stream magic: a file of format 1. */
	private static final int SERIALIZED = 0xACED;

	private static final int GZIP = 0x1F8B;

	private ModelFile() {
	}

	static void write(TextClassifier classifier, OutputStream target) throws IOException {
		var gzip = new GZIPOutputStream(target, 1 << 16);
		var out = new DataOutputStream(gzip);
		var weights = classifier.weights();
		out.write(MAGIC);
		out.writeInt(FORMAT);
		out.writeUTF(classifier.reading() == null ? "" : classifier.reading());
		out.writeDouble(classifier.temperature());
		out.writeDouble(weights.unseen());
		out.writeInt(weights.labels().length);
		for (var label : weights.labels()) out.writeUTF(label);
		out.writeInt(weights.features().length);
		for (int i = 0; i < weights.features().length; i++) {
			out.writeUTF(weights.features()[i]);
			out.writeDouble(weights.idf()[i]);
		}
		out.writeInt(weights.bias());
		out.writeInt(weights.nrW());
		out.writeInt(weights.n());
		for (double w : weights.w()) out.writeDouble(w);
		out.flush();
		gzip.finish();
	}

	static TextClassifier read(InputStream source) throws IOException {
		var in = new PushbackInputStream(source, 2);
		int first = in.read();
		int second = in.read();
		if (first < 0 || second < 0) throw new IOException("Not a model file: empty");
		in.unread(second);
		in.unread(first);
		int head = first << 8 | second;
		if (head == SERIALIZED) return legacy(in);
		if (head != GZIP) throw new IOException("Not a model file");
		try {
			return format2(new DataInputStream(new GZIPInputStream(in, 1 << 16)));
		}
		catch (EOFException | IllegalArgumentException e) {
			throw new IOException("Not a model file, or a cut one: " + e.getMessage(), e);
		}
	}

	private static TextClassifier format2(DataInputStream in) throws IOException {
		var magic = in.readNBytes(4);
		if (!Arrays.equals(magic, MAGIC)) throw new IOException("Not a model file");
		int format = in.readInt();
		if (format != FORMAT) throw new IOException("A model file of format " + format + ", newer than this reader (" + FORMAT + ")");
		var reading = in.readUTF();
		double temperature = in.readDouble();
		double unseen = in.readDouble();
		var labels = new String[count(in.readInt())];
		for (int i = 0; i < labels.length; i++) labels[i] = in.readUTF();
		int features = count(in.readInt());
		var names = new String[features];
		var idf = new double[features];
		for (int i = 0; i < features; i++) {
			names[i] = in.readUTF();
			idf[i] = in.readDouble();
		}
		int bias = in.readInt();
		int nrW = in.readInt();
		int n = count(in.readInt());
		var w = new double[Math.multiplyExact(n, count(nrW))];
		for (int i = 0; i < w.length; i++) w[i] = in.readDouble();
		var weights = new LinearWeights(labels, names, idf, unseen, bias, w, nrW, n);
		var classifier = new TextClassifier(weights, reading.isEmpty() ? null : reading, 0, null);
		return temperature == 0 ? classifier : classifier.calibrated(temperature);
	}

	private static int count(int n) throws IOException {
		if (n < 0 || n > 50_000_000) throw new IOException("Not a model file: a count of " + n);
		return n;
	}

	/** A file of format 1: the classifier as Java serialization wrote it; only the classes a model is made of are accepted. */
	private static TextClassifier legacy(InputStream in) throws IOException {
		var objects = new ObjectInputStream(in);
		objects.setObjectInputFilter(ObjectInputFilter.Config.createFilter(
				"org.minsheng.nlp.*;org.tribuo.**;com.oracle.labs.mlrg.**;de.bwaldvogel.liblinear.**;java.**;!*"));
		try {
			return (TextClassifier) objects.readObject();
		}
		catch (ClassNotFoundException | ClassCastException | IllegalStateException e) {
			throw new IOException("Not a model file", e);
		}
	}
}
