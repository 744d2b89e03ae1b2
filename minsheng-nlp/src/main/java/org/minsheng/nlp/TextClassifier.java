package org.minsheng.nlp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A linear classifier of Chinese texts: L2-regularized logistic regression (LibLinear through
 * Tribuo) over {@link TextFeatures} weighted by the inverse document frequency of the training
 * texts. Logistic regression gives probabilities, which is what a confidence threshold needs.
 */
public final class TextClassifier implements java.io.Serializable {

	private static final long serialVersionUID = 1L;

	private static final LabelFactory LABELS = new LabelFactory();

	private final Model<Label> model;

	private final Map<String, Double> idf;

	private final double unseen;

	/** The {@link TextReading#VERSION} the model was trained on (null in models older than the field). */
	private final String reading;

	/**
	 * The temperature LibLinear's probabilities are tempered by ({@link #calibrated}); 0 (and in
	 * files older than the field) for LibLinear's own probabilities, as 1 gives.
	 */
	private final double temperature;

	private TextClassifier(Model<Label> model, Map<String, Double> idf, double unseen) {
		this(model, idf, unseen, TextReading.VERSION, 0);
	}

	private TextClassifier(Model<Label> model, Map<String, Double> idf, double unseen, String reading, double temperature) {
		this.model = model;
		this.idf = idf;
		this.unseen = unseen;
		this.reading = reading;
		this.temperature = temperature;
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
		return new TextClassifier(model, idf, unseen, reading, temperature);
	}

	/** The same model with LibLinear's own probabilities (temperature 0). */
	public TextClassifier uncalibrated() {
		return temperature == 0 ? this : new TextClassifier(model, idf, unseen, reading, 0);
	}

	/** The temperature of {@link #calibrated}; 0 when the probabilities are LibLinear's own. */
	public double temperature() {
		return temperature;
	}

	/** False when the model was trained on texts read another way: it still answers, a little worse, until retrained. */
	public boolean current() {
		return TextReading.VERSION.equals(reading);
	}

	/** Trains on the examples (labels that occur once or more; empty labels are skipped). */
	public static TextClassifier train(List<LabeledText> examples, double cost) {
		var data = new MutableDataset<Label>(new SimpleDataSourceProvenance("minsheng", LABELS), LABELS);
		var labelled = examples.stream().filter(e -> e.label() != null && !e.label().isBlank()).toList();
		var vectors = labelled.stream().map(e -> TextFeatures.of(e.text())).toList();
		var df = new HashMap<String, Integer>();
		vectors.forEach(v -> java.util.Arrays.stream(v.names()).forEach(n -> df.merge(n, 1, Integer::sum)));
		var idf = new HashMap<String, Double>();
		int n = vectors.size();
		df.forEach((name, count) -> idf.put(name, Math.log((1.0 + n) / (1.0 + count)) + 1));
		double unseen = Math.log(1.0 + n) + 1;
		for (int i = 0; i < labelled.size(); i++) {
			data.add(example(TextFeatures.weighted(vectors.get(i), idf, unseen), new Label(labelled.get(i).label().strip())));
		}
		if (data.getOutputInfo().size() < 2) {
			throw new IllegalArgumentException("Training needs examples of at least two labels");
		}
		var trainer = new LibLinearClassificationTrainer(
				new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), cost, 1000, 0.01);
		trainer.setLabelWeights(balanced(labelled));
		return new TextClassifier(trainer.train(data), Map.copyOf(idf), unseen);
	}

	/**
	 * Each label weighted by how rare it is (n / (labels × its count)), so a small class such as
	 * 交通运输 is not drowned by 城乡建设: macro-F1, the figure that counts every class alike, rose from
	 * 0.824 to 0.834 on the TipDM messages.
	 */
	private static Map<Label, Float> balanced(List<LabeledText> labelled) {
		var counts = new HashMap<String, Integer>();
		labelled.forEach(e -> counts.merge(e.label().strip(), 1, Integer::sum));
		var weights = new HashMap<Label, Float>();
		counts.forEach((label, count) -> weights.put(new Label(label),
				(float) (labelled.size() / ((double) counts.size() * count))));
		return weights;
	}

	/**
	 * The regularization cost that cross-validated best on the TipDM messages (tried 0.25 to 2,048;
	 * macro-F1 rises to its top at 256 and falls slightly after, 0.823 at 1,024): features are unit
	 * vectors, so it is large.
	 */
	public static final double DEFAULT_COST = 256;

	public static TextClassifier train(List<LabeledText> examples) {
		return train(examples, DEFAULT_COST);
	}

	/** Writes the model (a versioned file of the app). */
	public void save(java.io.OutputStream out) throws java.io.IOException {
		var objects = new java.io.ObjectOutputStream(out);
		objects.writeObject(this);
		objects.flush();
	}

	/** Reads a model written by {@link #save}; only the classes a model is made of are accepted. */
	public static TextClassifier load(java.io.InputStream in) throws java.io.IOException {
		var objects = new java.io.ObjectInputStream(in);
		objects.setObjectInputFilter(java.io.ObjectInputFilter.Config.createFilter(
				"org.minsheng.nlp.*;org.tribuo.**;com.oracle.labs.mlrg.**;de.bwaldvogel.liblinear.**;java.**;!*"));
		try {
			return (TextClassifier) objects.readObject();
		}
		catch (ClassNotFoundException | ClassCastException e) {
			throw new java.io.IOException("Not a model file", e);
		}
	}

	/** The labels the model knows. */
	public java.util.Set<String> labels() {
		var out = new java.util.TreeSet<String>();
		model.getOutputIDInfo().getDomain().forEach(l -> out.add(l.getLabel()));
		return out;
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
		var fast = scorer();
		return classification(probabilities(features, fast), fast);
	}

	/** The likeliest label and the next three of the probabilities (in the order of {@code Scorer.labels}). */
	private static Classification classification(double[] probabilities, Scorer fast) {
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
			alternatives.add(new Classification.Alternative(fast.labels()[order[k]], probabilities[order[k]]));
		}
		return new Classification(fast.labels()[order[0]], probabilities[order[0]], List.copyOf(alternatives));
	}

	/**
	 * The likeliest of the labels a test lets through, with its probability; empty when the model
	 * knows none of them. A subcategory model asked for the children of the category already chosen
	 * answers with the best of those.
	 */
	public java.util.Optional<Classification.Alternative> best(TextFeatures.Vector features,
			java.util.function.Predicate<String> allowed) {
		var fast = scorer();
		var probabilities = probabilities(features, fast);
		int best = -1;
		for (int k = 0; k < probabilities.length; k++) {
			if (allowed.test(fast.labels()[k]) && (best < 0 || probabilities[k] > probabilities[best])) best = k;
		}
		return best < 0 ? java.util.Optional.empty()
				: java.util.Optional.of(new Classification.Alternative(fast.labels()[best], probabilities[best]));
	}

	/** The probability of each of the model's labels (in the order of {@code Scorer.labels}). */
	private double[] probabilities(TextFeatures.Vector features, Scorer fast) {
		return probabilities(decisions(features, fast), fast.labels().length, temperature);
	}

	/** LibLinear's decision values of the features: one per label, or one for two labels. */
	private double[] decisions(TextFeatures.Vector features, Scorer fast) {
		// each feature's process-wide number gives its place in this model and its weight (idf);
		// the vector is scaled to unit length over all its features, as in training
		var global = features.ids(fast.generation());
		var remap = fast.remap();
		var ids = new int[global.length];
		var values = new double[global.length];
		double norm = 0;
		int known = 0;
		for (int i = 0; i < global.length; i++) {
			int g = global[i];
			int id = g >= 0 && g < remap.length ? remap[g] : -1;
			double value = features.values()[i] * (id < 0 ? unseen : fast.idf()[id]);
			norm += value * value;
			if (id >= 0) {
				ids[known] = id;
				values[known++] = value;
			}
		}
		norm = Math.sqrt(norm);
		// LibLinear's decision values (as Linear.predictValues), summed straight from the weights:
		// no feature objects to make and sort
		int nrW = fast.nrW();
		var w = fast.w();
		var dec = new double[nrW];
		for (int i = 0; i < known; i++) {
			add(dec, w, ids[i] + 1, norm > 0 ? values[i] / norm : 0, fast);
		}
		// the constant bias feature of {@link #example}, and Tribuo's own LibLinear bias one past the last feature
		add(dec, w, fast.bias() + 1, 1, fast);
		add(dec, w, fast.size() + 1, 1.0, fast);
		return dec;
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

	/** Adds a feature (LibLinear's 1-based index) to the decision values, as LibLinear does: indexes beyond the model count for nothing. */
	private static void add(double[] dec, double[] w, int index, double value, Scorer fast) {
		if (index > fast.n()) return;
		int base = (index - 1) * dec.length;
		for (int k = 0; k < dec.length; k++) dec[k] += w[base + k] * value;
	}

	/**
	 * What the fast path needs of the model, read from it once: the weights ({@code nrW} per
	 * feature: one for two labels, else one per label) and {@code n}, the features they cover.
	 */
	private record Scorer(int[] remap, int generation, double[] idf, int bias, int size, String[] labels, double[] w,
			int nrW, int n) {
	}

	private transient volatile Scorer scorer;

	private Scorer scorer() {
		var s = scorer;
		if (s == null) {
			var inner = ((org.tribuo.common.liblinear.LibLinearModel<Label>) model).getInnerModels().get(0);
			var outputs = inner.getLabels();
			var labels = new String[outputs.length];
			for (int i = 0; i < outputs.length; i++) {
				labels[i] = model.getOutputIDInfo().getOutput(outputs[i]).getLabel();
			}
			var features = model.getFeatureIDMap();
			var names = new ArrayList<String>(features.size());
			for (var info : features) names.add(info.getName());
			int generation = FeatureIds.registerAll(names);
			// from the process-wide number of a feature to this model's, -1 where it does not know it
			var remap = new int[generation];
			java.util.Arrays.fill(remap, -1);
			var weights = new double[features.size()];
			for (var name : names) {
				int id = features.getID(name);
				remap[FeatureIds.find(name)] = id;
				weights[id] = idf.getOrDefault(name, unseen);
			}
			if (!inner.isProbabilityModel()) throw new IllegalStateException("Not a logistic regression model: " + inner.getSolverType());
			int n = inner.getNrFeature() + (inner.getBias() >= 0 ? 1 : 0);
			s = new Scorer(remap, generation, weights, features.getID(BIAS), features.size(), labels, inner.getFeatureWeights(),
					inner.getNrClass() == 2 ? 1 : inner.getNrClass(), n);
			scorer = s;
		}
		return s;
	}

	/** The same classification through Tribuo's predict: the reference the fast path is tested against. */
	Classification classifyThroughTribuo(String text) {
		var prediction = model.predict(
				example(TextFeatures.weighted(TextFeatures.of(text), idf, unseen), LABELS.getUnknownOutput()));
		var scores = new ArrayList<>(prediction.getOutputScores().values());
		scores.sort(Comparator.comparingDouble(Label::getScore).reversed());
		var best = scores.get(0);
		var alternatives = scores.subList(1, Math.min(4, scores.size()))
			.stream()
			.map(l -> new Classification.Alternative(l.getLabel(), l.getScore()))
			.toList();
		return new Classification(best.getLabel(), best.getScore(), alternatives);
	}

	/**
	 * The example of a vector, with a constant bias feature: a text with no word the model knows
	 * still gets an answer (the labels' prior) instead of an error.
	 */
	private static Example<Label> example(TextFeatures.Vector v, Label label) {
		var order = new Integer[v.names().length];
		for (int i = 0; i < order.length; i++) order[i] = i;
		java.util.Arrays.sort(order, Comparator.comparing(i -> v.names()[i]));
		var names = new String[order.length + 1];
		var values = new double[order.length + 1];
		for (int i = 0; i < order.length; i++) {
			names[i] = v.names()[order[i]];
			values[i] = v.values()[order[i]];
		}
		names[names.length - 1] = BIAS;
		values[values.length - 1] = 1;
		return new ArrayExample<>(label, names, values);
	}

	/** Sorts after every feature name (they start with a lower-case letter). */
	private static final String BIAS = "~bias";

	/**
	 * k-fold cross-validation with stratified folds (each fold keeps the labels' shares), shuffled
	 * with the seed: accuracy, macro-F1 and top-3 accuracy over all held-out predictions.
	 */
	public static Figures crossValidate(List<LabeledText> examples, int k, long seed) {
		return crossValidate(examples, k, seed, DEFAULT_COST);
	}

	public static Figures crossValidate(List<LabeledText> examples, int k, long seed, double cost) {
		return trainAndValidate(examples, k, seed, cost, false).figures();
	}

	/** A model trained on all examples, calibrated by its cross-validated predictions, and those figures. */
	public record Validated(TextClassifier classifier, Figures figures) {
	}

	/**
	 * What a center's training does: the k folds' models and the model of all examples, trained side
	 * by side on as many threads as there are processors, at most {@link #MAX_TRAINING_THREADS} (the folds are independent, and LibLinear's
	 * logistic regression draws no random numbers, so the figures are the same as one after
	 * another), then the model tempered by the temperature its folds fitted.
	 */
	public static Validated trainAndValidate(List<LabeledText> examples, int k, long seed, double cost) {
		return trainAndValidate(examples, k, seed, cost, true);
	}

	private static Validated trainAndValidate(List<LabeledText> examples, int k, long seed, double cost, boolean whole) {
		var labelled = examples.stream().filter(e -> e.label() != null && !e.label().isBlank()).toList();
		var byLabel = new TreeMap<String, List<LabeledText>>();
		labelled.forEach(e -> byLabel.computeIfAbsent(e.label().strip(), l -> new ArrayList<>()).add(e));
		var folds = new ArrayList<List<LabeledText>>();
		for (int i = 0; i < k; i++) {
			folds.add(new ArrayList<>());
		}
		var random = new Random(seed);
		int next = 0;
		for (var group : byLabel.values()) {
			var shuffled = new ArrayList<>(group);
			Collections.shuffle(shuffled, random);
			for (var e : shuffled) {
				folds.get(next++ % k).add(e);
			}
		}
		int threads = Math.max(1, Math.min(Math.min(k + (whole ? 1 : 0), MAX_TRAINING_THREADS),
				Runtime.getRuntime().availableProcessors()));
		var pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
			var t = new Thread(r, "model-training");
			t.setDaemon(true);
			return t;
		});
		try {
			// the model of all examples first: it is the longest
			var all = whole ? pool.submit(() -> train(examples, cost)) : null;
			var results = new ArrayList<java.util.concurrent.Future<List<Prediction>>>();
			for (int f = 0; f < k; f++) {
				int fold = f;
				results.add(pool.submit(() -> heldOut(folds, fold, cost)));
			}
			var tally = new Tally();
			var heldOut = new ArrayList<HeldOut>();
			for (var result : results) {
				for (var p : result.get()) {
					tally.add(p.classification(), p.truth());
					heldOut.add(p.heldOut());
				}
			}
			var figures = tally.figures(k, calibration(heldOut, k));
			return new Validated(all == null ? null : all.get().calibrated(figures.calibration().temperature()), figures);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Training interrupted", e);
		}
		catch (java.util.concurrent.ExecutionException e) {
			if (e.getCause() instanceof RuntimeException r) throw r;
			if (e.getCause() instanceof Error r) throw r;
			throw new IllegalStateException(e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * At most this many models train at once: each holds its copy of the examples' features, so
	 * memory grows with them (a center's hundred thousand closed orders), and time gains little
	 * beyond.
	 */
	static final int MAX_TRAINING_THREADS = 3;

	/** A held-out example's classification, its true label and what calibration needs of it. */
	private record Prediction(Classification classification, String truth, HeldOut heldOut) {
	}

	/** Trains on every fold but one and classifies that one. */
	private static List<Prediction> heldOut(List<List<LabeledText>> folds, int f, double cost) {
		var train = new ArrayList<LabeledText>();
		for (int g = 0; g < folds.size(); g++) {
			if (g != f) {
				train.addAll(folds.get(g));
			}
		}
		var classifier = train(train, cost);
		var fast = classifier.scorer();
		var out = new ArrayList<Prediction>();
		for (var e : folds.get(f)) {
			var truth = e.label().strip();
			var held = new HeldOut(f, classifier.decisions(TextFeatures.of(e.text()), fast), fast.labels().length,
					java.util.Arrays.asList(fast.labels()).indexOf(truth));
			out.add(new Prediction(classification(held.probabilities(classifier.temperature), fast), truth, held));
		}
		return out;
	}

	/** Held-out predictions needed before a temperature is fitted (the 826 TipDM messages give 826). */
	static final int CALIBRATION_MINIMUM = 200;

	/** The surest a temperature may make a model (0.5: each probability squared before normalizing). */
	static final double COLDEST = 0.5;

	/** The least sure a temperature may make a model. */
	static final double HOTTEST = 4;

	/** A held-out prediction: its fold, the decision values, how many labels, the true label's place (-1: unknown to the model). */
	private record HeldOut(int fold, double[] decisions, int labels, int truth) {

		double[] probabilities(double temperature) {
			return TextClassifier.probabilities(decisions, labels, temperature);
		}
	}

	/**
	 * The temperature fitted on all held-out predictions, and the calibration error of each fold's
	 * predictions under a temperature fitted on the other folds only (so the figure is not flattered
	 * by fitting on what it measures), against LibLinear's own probabilities.
	 */
	private static Figures.Calibration calibration(List<HeldOut> heldOut, int k) {
		double temperature = temperature(heldOut);
		var calibrated = new ArrayList<double[]>();
		var before = new ArrayList<double[]>();
		var truths = new ArrayList<Integer>();
		for (int f = 0; f < k; f++) {
			int fold = f;
			double t = k > 1 ? temperature(heldOut.stream().filter(h -> h.fold() != fold).toList()) : temperature;
			for (var h : heldOut) {
				if (h.fold() == fold) {
					calibrated.add(h.probabilities(t));
					before.add(h.probabilities(0));
					truths.add(h.truth());
				}
			}
		}
		return measured(temperature, calibrated, before, truths);
	}

	/**
	 * The temperature that makes the held-out predictions likeliest (least −ln p of the truth): the
	 * loss is convex in its inverse (a log-sum-exp of terms linear in it), found by golden-section
	 * search of the inverse's logarithm. Few predictions say little: with fewer than
	 * {@link #CALIBRATION_MINIMUM} it stays 1 (LibLinear's own), and it is kept within
	 * [{@link #COLDEST}, {@link #HOTTEST}], since a small set that happened to be all right would
	 * otherwise make the model sure of everything and dispatch on its word.
	 */
	private static double temperature(List<HeldOut> heldOut) {
		var known = heldOut.stream().filter(h -> h.truth() >= 0).toList();
		if (known.size() < CALIBRATION_MINIMUM) {
			return 1;
		}
		double lo = Math.log(1 / HOTTEST);
		double hi = Math.log(1 / COLDEST);
		double phi = (Math.sqrt(5) - 1) / 2;
		double a = hi - phi * (hi - lo);
		double b = lo + phi * (hi - lo);
		double fa = loss(known, Math.exp(a));
		double fb = loss(known, Math.exp(b));
		for (int i = 0; i < 60; i++) {
			if (fa <= fb) {
				hi = b;
				b = a;
				fb = fa;
				a = hi - phi * (hi - lo);
				fa = loss(known, Math.exp(a));
			}
			else {
				lo = a;
				a = b;
				fa = fb;
				b = lo + phi * (hi - lo);
				fb = loss(known, Math.exp(b));
			}
		}
		// the search runs on the inverse, which the loss is convex in; the temperature is its reciprocal
		return 1 / Math.exp((lo + hi) / 2);
	}

	/** The mean −ln p of the true label under the temperature 1 / {@code inverse}. */
	private static double loss(List<HeldOut> known, double inverse) {
		double sum = 0;
		for (var h : known) {
			sum -= Math.log(Math.max(h.probabilities(1 / inverse)[h.truth()], 1e-300));
		}
		return sum / known.size();
	}

	/** The mean −ln p of the true label, over the predictions whose label the model knew (a label seen only in the held-out fold has no probability). */
	private static double logLoss(List<double[]> probabilities, List<Integer> truths) {
		double sum = 0;
		int known = 0;
		for (int i = 0; i < truths.size(); i++) {
			int t = truths.get(i);
			if (t >= 0) {
				sum -= Math.log(Math.max(probabilities.get(i)[t], 1e-300));
				known++;
			}
		}
		return known == 0 ? 0 : sum / known;
	}

	/** The calibration of predictions tempered by the temperature, against LibLinear's own of the same texts. */
	private static Figures.Calibration measured(double temperature, List<double[]> calibrated, List<double[]> before,
			List<Integer> truths) {
		var bins = bins(calibrated, truths);
		return new Figures.Calibration(temperature, error(bins), error(bins(before, truths)), logLoss(calibrated, truths),
				logLoss(before, truths), bins);
	}

	/** The predictions in ten equal-width bins of their top confidence, the bins that hold any. */
	private static List<Figures.Calibration.Bin> bins(List<double[]> probabilities, List<Integer> truths) {
		int n = 10;
		var count = new int[n];
		var confidence = new double[n];
		var right = new int[n];
		for (int i = 0; i < truths.size(); i++) {
			var p = probabilities.get(i);
			int best = 0;
			for (int j = 1; j < p.length; j++) {
				if (p[j] > p[best]) best = j;
			}
			int bin = Math.min(n - 1, (int) (p[best] * n));
			count[bin]++;
			confidence[bin] += p[best];
			if (best == truths.get(i)) right[bin]++;
		}
		var bins = new ArrayList<Figures.Calibration.Bin>();
		for (int b = 0; b < n; b++) {
			if (count[b] > 0) {
				bins.add(new Figures.Calibration.Bin(b / (double) n, (b + 1) / (double) n, count[b], confidence[b] / count[b],
						right[b] / (double) count[b]));
			}
		}
		return List.copyOf(bins);
	}

	/** Expected calibration error: the gap between confidence and accuracy of each bin, weighted by its share. */
	private static double error(List<Figures.Calibration.Bin> bins) {
		int total = bins.stream().mapToInt(Figures.Calibration.Bin::count).sum();
		double error = 0;
		for (var b : bins) {
			error += b.count() / (double) total * Math.abs(b.confidence() - b.accuracy());
		}
		return error;
	}

	/**
	 * Accuracy, macro-F1, top-3 accuracy and calibration of this model on texts it was not trained on
	 * (folds = 1; the calibration under its own temperature, "before" under LibLinear's probabilities).
	 */
	public Figures evaluate(List<LabeledText> test) {
		var tally = new Tally();
		var fast = scorer();
		var calibrated = new ArrayList<double[]>();
		var before = new ArrayList<double[]>();
		var truths = new ArrayList<Integer>();
		for (var e : test) {
			var dec = decisions(TextFeatures.of(e.text()), fast);
			var probabilities = probabilities(dec, fast.labels().length, temperature);
			tally.add(classification(probabilities, fast), e.label().strip());
			calibrated.add(probabilities);
			before.add(probabilities(dec, fast.labels().length, 0));
			truths.add(java.util.Arrays.asList(fast.labels()).indexOf(e.label().strip()));
		}
		return tally.figures(1, measured(temperature, calibrated, before, truths));
	}

	/** Predictions against the truth, counted per label, for accuracy, top-3 accuracy and F1. */
	private static final class Tally {

		private final Map<String, Integer> truePositive = new HashMap<>();
		private final Map<String, Integer> predicted = new HashMap<>();
		private final Map<String, Integer> actual = new TreeMap<>();
		private int correct;
		private int top3;
		private int total;

		void add(Classification c, String truth) {
			total++;
			actual.merge(truth, 1, Integer::sum);
			predicted.merge(c.label(), 1, Integer::sum);
			if (c.label().equals(truth)) {
				correct++;
				truePositive.merge(truth, 1, Integer::sum);
			}
			if (c.label().equals(truth) || c.alternatives().stream().limit(2).anyMatch(a -> a.label().equals(truth))) {
				top3++;
			}
		}

		Figures figures(int folds, Figures.Calibration calibration) {
			Map<String, Double> f1 = new LinkedHashMap<>();
			for (var label : actual.keySet()) {
				double tp = truePositive.getOrDefault(label, 0);
				double precision = predicted.getOrDefault(label, 0) == 0 ? 0 : tp / predicted.get(label);
				double recall = tp / actual.get(label);
				f1.put(label, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
			}
			double macro = f1.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
			return new Figures(folds, total, correct / (double) total, macro, top3 / (double) total, f1, calibration);
		}
	}
}
