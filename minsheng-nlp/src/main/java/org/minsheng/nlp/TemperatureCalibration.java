package org.minsheng.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * Calibration of a classifier's confidences by one temperature: fitted on held-out predictions (the
 * temperature that makes their truths likeliest), and measured as expected calibration error and
 * log-loss, before and after, with the reliability table.
 */
final class TemperatureCalibration {

	/** Held-out predictions needed before a temperature is fitted (the 826 TipDM messages give 826). */
	static final int MINIMUM = 200;

	/** The surest a temperature may make a model (0.5: each probability squared before normalizing). */
	static final double COLDEST = 0.5;

	/** The least sure a temperature may make a model. */
	static final double HOTTEST = 4;

	/** A held-out prediction: its fold, the decision values, how many labels, the true label's place (-1: unknown to the model). */
	record HeldOut(int fold, double[] decisions, int labels, int truth) {

		double[] probabilities(double temperature) {
			return TextClassifier.probabilities(decisions, labels, temperature);
		}
	}

	private TemperatureCalibration() {
	}

	/**
	 * The temperature fitted on all held-out predictions, and the calibration error of each fold's
	 * predictions under a temperature fitted on the other folds only (so the figure is not flattered
	 * by fitting on what it measures), against LibLinear's own probabilities.
	 */
	static Figures.Calibration crossFitted(List<HeldOut> heldOut, int k) {
		double temperature = fit(heldOut);
		var calibrated = new ArrayList<double[]>();
		var before = new ArrayList<double[]>();
		var truths = new ArrayList<Integer>();
		for (int f = 0; f < k; f++) {
			int fold = f;
			double t = k > 1 ? fit(heldOut.stream().filter(h -> h.fold() != fold).toList()) : temperature;
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
	 * {@link #MINIMUM} it stays 1 (LibLinear's own), and it is kept within
	 * [{@link #COLDEST}, {@link #HOTTEST}], since a small set that happened to be all right would
	 * otherwise make the model sure of everything and dispatch on its word.
	 */
	static double fit(List<HeldOut> heldOut) {
		var known = heldOut.stream().filter(h -> h.truth() >= 0).toList();
		if (known.size() < MINIMUM) {
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
	static Figures.Calibration measured(double temperature, List<double[]> calibrated, List<double[]> before,
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
}
