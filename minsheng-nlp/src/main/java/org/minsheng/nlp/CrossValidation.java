package org.minsheng.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * k-fold cross-validation with stratified folds (each fold keeps the labels' shares), shuffled with
 * the seed: accuracy, macro-F1 and top-3 accuracy over all held-out predictions, and the temperature
 * they fit ({@link TemperatureCalibration}). With {@code whole}, the model of all examples is trained
 * beside the folds and tempered by that temperature: what a center's training does.
 */
final class CrossValidation {

	/**
	 * At most this many models train at once: each holds its copy of the examples' features, so
	 * memory grows with them (a center's hundred thousand closed orders), and time gains little
	 * beyond.
	 */
	static final int MAX_TRAINING_THREADS = 3;

	/** A held-out example's classification, its true label and what calibration needs of it. */
	private record Prediction(Classification classification, String truth, TemperatureCalibration.HeldOut heldOut) {
	}

	private CrossValidation() {
	}

	/**
	 * The k folds' models and (with {@code whole}) the model of all examples, trained side by side on
	 * as many threads as there are processors, at most {@link #MAX_TRAINING_THREADS} (the folds are
	 * independent, and LibLinear's logistic regression draws no random numbers, so the figures are
	 * the same as one after another).
	 */
	static TextClassifier.Validated run(List<LabeledText> examples, int k, long seed, double cost, boolean whole) {
		var folds = folds(examples, k, seed);
		int threads = Math.max(1, Math.min(Math.min(k + (whole ? 1 : 0), MAX_TRAINING_THREADS),
				Runtime.getRuntime().availableProcessors()));
		var pool = Executors.newFixedThreadPool(threads, r -> {
			var t = new Thread(r, "model-training");
			t.setDaemon(true);
			return t;
		});
		try {
			// the model of all examples first: it is the longest
			var all = whole ? pool.submit(() -> ClassifierTraining.train(examples, cost)) : null;
			var results = new ArrayList<Future<List<Prediction>>>();
			for (int f = 0; f < k; f++) {
				int fold = f;
				results.add(pool.submit(() -> heldOut(folds, fold, cost)));
			}
			var tally = new ClassificationTally();
			var heldOut = new ArrayList<TemperatureCalibration.HeldOut>();
			for (var result : results) {
				for (var p : result.get()) {
					tally.add(p.classification(), p.truth());
					heldOut.add(p.heldOut());
				}
			}
			var figures = tally.figures(k, TemperatureCalibration.crossFitted(heldOut, k));
			return new TextClassifier.Validated(all == null ? null : all.get().calibrated(figures.calibration().temperature()),
					figures);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Training interrupted", e);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException r) throw r;
			if (e.getCause() instanceof Error r) throw r;
			throw new IllegalStateException(e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** The labelled examples dealt into k folds, label by label, each label's examples shuffled with the seed. */
	private static List<List<LabeledText>> folds(List<LabeledText> examples, int k, long seed) {
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
		return folds;
	}

	/** Trains on every fold but one and classifies that one. */
	private static List<Prediction> heldOut(List<List<LabeledText>> folds, int f, double cost) {
		var train = new ArrayList<LabeledText>();
		for (int g = 0; g < folds.size(); g++) {
			if (g != f) {
				train.addAll(folds.get(g));
			}
		}
		var classifier = ClassifierTraining.train(train, cost);
		var labels = Arrays.asList(classifier.weights().labels());
		var out = new ArrayList<Prediction>();
		for (var e : folds.get(f)) {
			var truth = e.label().strip();
			var held = new TemperatureCalibration.HeldOut(f, classifier.decisions(TextFeatures.of(e.text())), labels.size(),
					labels.indexOf(truth));
			out.add(new Prediction(classifier.classification(held.probabilities(classifier.temperature())), truth, held));
		}
		return out;
	}
}
