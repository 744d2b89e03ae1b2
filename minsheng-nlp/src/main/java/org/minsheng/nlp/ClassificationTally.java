package org.minsheng.nlp;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Predictions against the truth, counted per label, for accuracy, top-3 accuracy and F1. */
final class ClassificationTally {

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
