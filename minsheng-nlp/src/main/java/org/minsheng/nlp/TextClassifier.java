package org.minsheng.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamField;
import java.io.OutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A linear classifier of Chinese texts: logistic regression over {@link TextFeatures} weighted by
 * inverse document frequency ({@link LinearWeights}), with its probabilities tempered by a
 * calibrated temperature. The pieces around it: {@link ClassifierTraining} trains one (LibLinear
 * through Tribuo), {@link CrossValidation} measures and calibrates
 * ({@link TemperatureCalibration}), {@link #evaluate} measures on held-out texts, {@link ModelFile}
 * saves and reads one in a documented, versioned format that needs no machine-learning library.
 */
public final class TextClassifier implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * The fields of the files written with Java serialization before {@link ModelFile} format 2: only
	 * ever read ({@link #readObject}), never written.
	 */
	@Serial
	private static final ObjectStreamField[] serialPersistentFields = {
			new ObjectStreamField("model", Model.class), new ObjectStreamField("idf", Map.class),
			new ObjectStreamField("unseen", double.class), new ObjectStreamField("reading", String.class),
			new ObjectStreamField("temperature", double.class) };

	/**
	 * The regularization cost that cross-validated best on the TipDM messages (tried 0.25 to 2,048;
	 * macro-F1 rises to its top at 256 and falls slightly after, 0.823 at 1,024): features are unit
	 * vectors, so it is large.
	 */
	public static final double DEFAULT_COST = 256;

	private final LinearWeights weights;

	/** The {@link TextReading#VERSION} the model was trained on (null in models older than the field). */
	private final String reading;

	/**
	 * The temperature LibLinear's probabilities are tempered by ({@link #calibrated}); 0 for
	 * LibLinear's own probabilities, as 1 gives.
	 */
	private final double temperature;

	/** The Tribuo model it was trained as, where there is one (trained here, or read from a format-1 file). */
	private final transient Model<Label> trained;

	/** The feature numbers of this model by the process-wide ones ({@link FeatureIds}), made at first use. */
	private transient volatile Remap remap;

	/** What a format-1 file held, until {@link #readResolve} makes the classifier of it. */
	private transient Legacy legacy;

	TextClassifier(LinearWeights weights, String reading, double temperature, Model<Label> trained) {
		this.weights = weights;
		this.reading = reading;
		this.temperature = temperature;
		this.trained = trained;
	}

	/** Trains on the examples (labels that occur once or more; empty labels are skipped). */
	public static TextClassifier train(List<LabeledText> examples, double cost) {
		return ClassifierTraining.train(examples, cost);
	}

	public static TextClassifier train(List<LabeledText> examples) {
		return train(examples, DEFAULT_COST);
	}

	/** k-fold cross-validation (stratified, shuffled with the seed): accuracy, macro-F1, top-3 accuracy, calibration. */
	public static Figures crossValidate(List<LabeledText> examples, int k, long seed) {
		return crossValidate(examples, k, seed, DEFAULT_COST);
	}

	public static Figures crossValidate(List<LabeledText> examples, int k, long seed, double cost) {
		return CrossValidation.run(examples, k, seed, cost, false).figures();
	}

	/** A model trained on all examples, calibrated by its cross-validated predictions, and those figures. */
	public record Validated(TextClassifier classifier, Figures figures) {
	}

	/** What a center's training does: the folds' figures, and the model of all examples tempered by their temperature. */
	public static Validated trainAndValidate(List<LabeledText> examples, int k, long seed, double cost) {
		return CrossValidation.run(examples, k, seed, cost, true);
	}

	/** Writes the model in {@link ModelFile}'s format. */
	public void save(OutputStream out) throws IOException {
		ModelFile.write(this, out);
	}

	/** Reads a model written by {@link #save}, today or in an earlier format. */
	public static TextClassifier load(InputStream in) throws IOException {
		return ModelFile.read(in);
	}

	/**
	 * The same model with its probabilities tempered: each of LibLinear's raised to 1 / temperature
	 * and normalized (above 1 less sure, below 1 surer). The labels keep their order, only the
	 * confidences change. {@link #crossValidate} fits the temperature on held-out predictions
	 * ({@link Figures.Calibration#temperature}).
	 */
	public TextClassifier calibrated(double temperature) {
		if (!(temperature > 0) || Double.isInfinite(temperature)) {
			throw new IllegalArgumentException("A temperature is a positive number: " + temperature);
		}
		return new TextClassifier(weights, reading, temperature, trained);
	}

	/** The same model with LibLinear's own probabilities (temperature 0). */
	public TextClassifier uncalibrated() {
		return temperature == 0 ? this : new TextClassifier(weights, reading, 0, trained);
	}

	/** The temperature of {@link #calibrated}; 0 when the probabilities are LibLinear's own. */
	public double temperature() {
		return temperature;
	}

	/** False when the model was trained on texts read another way: it still answers, a little worse, until retrained. */
	public boolean current() {
		return TextReading.VERSION.equals(reading);
	}

	String reading() {
		return reading;
	}

	LinearWeights weights() {
		return weights;
	}

	/** The labels the model knows. */
	public Set<String> labels() {
		return new TreeSet<>(Arrays.asList(weights.labels()));
	}

	public Classification classify(String text) {
		return classify(TextFeatures.of(text));
	}

	/**
	 * Classifies the features of a text (read once, shared by several models). Scores come from
	 * LibLinear's own probability function on the model's weights, without Tribuo's per-call
	 * example and prediction objects (which cost more than the arithmetic): the same numbers as
	 * {@link #classifyThroughTribuo}, about ten times faster.
	 */
	public Classification classify(TextFeatures.Vector features) {
		return classification(probabilities(decisions(features), weights.labels().length, temperature));
	}

	/**
	 * The likeliest of the labels a test lets through, with its probability; empty when the model
	 * knows none of them. A subcategory model asked for the children of the category already chosen
	 * answers with the best of those.
	 */
	public Optional<Classification.Alternative> best(TextFeatures.Vector features, Predicate<String> allowed) {
		var labels = weights.labels();
		var probabilities = probabilities(decisions(features), labels.length, temperature);
		int best = -1;
		for (int k = 0; k < probabilities.length; k++) {
			if (allowed.test(labels[k]) && (best < 0 || probabilities[k] > probabilities[best])) best = k;
		}
		return best < 0 ? Optional.empty() : Optional.of(new Classification.Alternative(labels[best], probabilities[best]));
	}

	/**
	 * Accuracy, macro-F1, top-3 accuracy and calibration of this model on texts it was not trained on
	 * (folds = 1; the calibration under its own temperature, "before" under LibLinear's probabilities).
	 */
	public Figures evaluate(List<LabeledText> test) {
		var tally = new ClassificationTally();
		var labels = Arrays.asList(weights.labels());
		var calibrated = new ArrayList<double[]>();
		var before = new ArrayList<double[]>();
		var truths = new ArrayList<Integer>();
		for (var e : test) {
			var dec = decisions(TextFeatures.of(e.text()));
			var probabilities = probabilities(dec, labels.size(), temperature);
			tally.add(classification(probabilities), e.label().strip());
			calibrated.add(probabilities);
			before.add(probabilities(dec, labels.size(), 0));
			truths.add(labels.indexOf(e.label().strip()));
		}
		return tally.figures(1, TemperatureCalibration.measured(temperature, calibrated, before, truths));
	}

	/** The likeliest label and the next three of the probabilities (in the order of the weights' labels). */
	Classification classification(double[] probabilities) {
		var labels = weights.labels();
		// the best four, most probable first, the earlier label first among equals (as a stable sort would give)
		var order = new int[Math.min(4, probabilities.length)];
		var taken = new boolean[probabilities.length];
		for (int slot = 0; slot < order.length; slot++) {
			int best = -1;
			for (int k = 0; k < probabilities.length; k++) {
				if (!taken[k] && (best < 0 || probabilities[k] > probabilities[best])) best = k;
			}
			taken[best] = true;
			order[slot] = best;
		}
		var alternatives = new ArrayList<Classification.Alternative>();
		for (int k = 1; k < order.length; k++) {
			alternatives.add(new Classification.Alternative(labels[order[k]], probabilities[order[k]]));
		}
		return new Classification(labels[order[0]], probabilities[order[0]], List.copyOf(alternatives));
	}

	/** LibLinear's decision values of the features: one per label, or one for two labels. */
	double[] decisions(TextFeatures.Vector features) {
		var map = remap();
		// each feature's process-wide number gives its place in this model and its weight (idf);
		// the vector is scaled to unit length over all its features, as in training
		var global = features.ids(map.generation());
		var byGlobal = map.ids();
		var idf = weights.idf();
		var ids = new int[global.length];
		var values = new double[global.length];
		double norm = 0;
		int known = 0;
		for (int i = 0; i < global.length; i++) {
			int g = global[i];
			int id = g >= 0 && g < byGlobal.length ? byGlobal[g] : -1;
			double value = features.values()[i] * (id < 0 ? weights.unseen() : idf[id]);
			norm += value * value;
			if (id >= 0) {
				ids[known] = id;
				values[known++] = value;
			}
		}
		norm = Math.sqrt(norm);
		// LibLinear's decision values (as Linear.predictValues), summed straight from the weights:
		// no feature objects to make and sort
		var dec = new double[weights.nrW()];
		for (int i = 0; i < known; i++) {
			add(dec, ids[i] + 1, norm > 0 ? values[i] / norm : 0);
		}
		// the constant bias feature of every example, and Tribuo's own LibLinear bias one past the last feature
		add(dec, weights.bias() + 1, 1);
		add(dec, weights.features().length + 1, 1.0);
		return dec;
	}

	/** Adds a feature (LibLinear's 1-based index) to the decision values, as LibLinear does: indexes beyond the model count for nothing. */
	private void add(double[] dec, int index, double value) {
		if (index < 1 || index > weights.n()) return;
		var w = weights.w();
		int base = (index - 1) * dec.length;
		for (int k = 0; k < dec.length; k++) dec[k] += w[base + k] * value;
	}

	/**
	 * Probabilities of decision values: LibLinear's own (Linear.predictProbability for logistic
	 * regression: each label's logistic, normalized; for two labels one value), then, under a
	 * temperature, each raised to 1 / temperature and normalized again: a softmax of their logarithms
	 * divided by it. A temperature of 1 (or none) leaves LibLinear's probabilities as they are, so
	 * fitting it can only keep or improve how likely the held-out truths are.
	 */
	static double[] probabilities(double[] dec, int labels, double temperature) {
		var probabilities = new double[labels];
		if (labels == 2) {
			probabilities[0] = 1 / (1 + Math.exp(-dec[0]));
			probabilities[1] = 1 - probabilities[0];
		}
		else {
			double sum = 0;
			for (int k = 0; k < labels; k++) {
				probabilities[k] = 1 / (1 + Math.exp(-dec[k]));
				sum += probabilities[k];
			}
			for (int k = 0; k < labels; k++) probabilities[k] /= sum;
		}
		if (temperature > 0 && temperature != 1) {
			// p^(1/T) in logarithms, scaled by the largest: a probability that underflowed to 0 stays 0
			double max = Double.NEGATIVE_INFINITY;
			for (double p : probabilities) max = Math.max(max, p);
			double top = Math.log(max);
			double sum = 0;
			for (int k = 0; k < labels; k++) {
				probabilities[k] = Math.exp((Math.log(probabilities[k]) - top) / temperature);
				sum += probabilities[k];
			}
			for (int k = 0; k < labels; k++) probabilities[k] /= sum;
		}
		return probabilities;
	}

	/** This model's feature numbers by the process-wide ones ({@code -1}: a feature it does not know), up to {@code generation}. */
	private record Remap(int[] ids, int generation) {
	}

	private Remap remap() {
		var r = remap;
		if (r == null) {
			var names = weights.featureList();
			int generation = FeatureIds.registerAll(names);
			var ids = new int[generation];
			Arrays.fill(ids, -1);
			for (int id = 0; id < names.size(); id++) ids[FeatureIds.find(names.get(id))] = id;
			r = new Remap(ids, generation);
			remap = r;
		}
		return r;
	}

	/** The same classification through Tribuo's predict: the reference the fast path is tested against. */
	Classification classifyThroughTribuo(String text) {
		if (trained == null) throw new IllegalStateException("No Tribuo model: this classifier was read from a format-2 file");
		var prediction = trained.predict(ClassifierTraining.example(
				TextFeatures.weighted(TextFeatures.of(text), weights.idfByFeature(), weights.unseen()),
				ClassifierTraining.LABELS.getUnknownOutput()));
		var scores = new ArrayList<>(prediction.getOutputScores().values());
		scores.sort(Comparator.comparingDouble(Label::getScore).reversed());
		var best = scores.get(0);
		var alternatives = scores.subList(1, Math.min(4, scores.size()))
			.stream()
			.map(l -> new Classification.Alternative(l.getLabel(), l.getScore()))
			.toList();
		return new Classification(best.getLabel(), best.getScore(), alternatives);
	}

	/** What a format-1 file (Java serialization of this class before format 2) held. */
	private record Legacy(Model<Label> model, Map<String, Double> idf, double unseen, String reading, double temperature) {
	}

	@Serial
	@SuppressWarnings("unchecked")
	private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
		var fields = in.readFields();
		legacy = new Legacy((Model<Label>) fields.get("model", null), (Map<String, Double>) fields.get("idf", null),
				fields.get("unseen", 0d), (String) fields.get("reading", null), fields.get("temperature", 0d));
	}

	/** A format-1 file's classifier: its weights read out of the Tribuo model, which stays as the reference. */
	@Serial
	private Object readResolve() {
		var old = legacy;
		if (old == null || old.model() == null || old.idf() == null) throw new IllegalStateException("Not a model file");
		return new TextClassifier(LinearWeights.of(old.model(), old.idf(), old.unseen()), old.reading(), old.temperature(),
				old.model());
	}
}
