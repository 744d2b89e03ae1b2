package org.minsheng.nlp;

import java.util.Map;

/** Cross-validated figures of a classifier: k folds, accuracy, macro-averaged F1 and F1 per label. */
public record Figures(int folds, int examples, double accuracy, double macroF1, double top3Accuracy,
		Map<String, Double> f1ByLabel) {
}
