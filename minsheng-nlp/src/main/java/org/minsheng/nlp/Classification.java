package org.minsheng.nlp;

import java.util.List;

/**
 * A classifier's answer: the label, its probability (logistic regression, so the probabilities of
 * all labels add up to 1) and the next best labels.
 */
public record Classification(String label, double confidence, List<Alternative> alternatives) {

	public record Alternative(String label, double confidence) {
	}
}
