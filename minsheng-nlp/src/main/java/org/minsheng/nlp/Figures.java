package org.minsheng.nlp;

import java.util.List;
import java.util.Map;

/**
 * Cross-validated figures of a classifier: k folds, accuracy, macro-averaged F1 and F1 per label,
 * and how far its confidences can be trusted ({@link Calibration}).
 */
public record Figures(int folds, int examples, double accuracy, double macroF1, double top3Accuracy,
		Map<String, Double> f1ByLabel, Calibration calibration) {

	/**
	 * Whether a confidence of 0.8 is right eight times in ten. {@code temperature} is the one number
	 * the model's scores are divided by before they become probabilities (fitted on all held-out
	 * predictions, it goes with the model trained on all examples); {@code error} is the expected
	 * calibration error (the gap between confidence and accuracy over ten equal-width bins, weighted
	 * by their share of the texts) of held-out predictions each calibrated by a temperature fitted on
	 * the other folds, {@code errorBefore} the same of LibLinear's own probabilities; {@code logLoss}
	 * and {@code logLossBefore} are the mean −ln p of the true label. {@code bins} is the reliability
	 * table after calibration, empty bins left out.
	 */
	public record Calibration(double temperature, double error, double errorBefore, double logLoss,
			double logLossBefore, List<Bin> bins) {

		/** The held-out predictions whose confidence fell in [from, to): how many, their mean confidence, their accuracy. */
		public record Bin(double from, double to, int count, double confidence, double accuracy) {
		}
	}
}
