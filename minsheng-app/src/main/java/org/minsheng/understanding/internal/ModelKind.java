package org.minsheng.understanding.internal;

import java.util.Locale;

import org.minsheng.nlp.RiskModel;
import org.minsheng.nlp.TextClassifier;
import org.minsheng.platform.InvalidFieldException;

/** What a model predicts from a request's text. */
enum ModelKind {

	CATEGORY("category", TextClassifier.DEFAULT_COST),
	/**
	 * The level-2 category under the level-1 one ({@code 城乡建设/物业管理}), where the center's closed
	 * orders or imported examples name categories that deep.
	 */
	SUBCATEGORY("subcategory", TextClassifier.DEFAULT_COST),
	DEPARTMENT("department", TextClassifier.DEFAULT_COST),
	EMOTION("emotion", TextClassifier.DEFAULT_COST),
	/** The risk model: the shipped sentences and the center's own risk-labelled examples. */
	RISK("risk", RiskModel.COST) {

		/**
		 * Not tempered: the risk model's threshold ({@code minsheng.nlp.risk-threshold}) was chosen
		 * on LibLinear's own probabilities, and a flag missed costs more than a confidence misread.
		 */
		@Override
		boolean calibrates() {
			return false;
		}
	};

	private final String label;

	private final double cost;

	ModelKind(String label, double cost) {
		this.label = label;
		this.cost = cost;
	}

	String label() {
		return label;
	}

	/** The regularization cost its figures were chosen with. */
	double cost() {
		return cost;
	}

	/**
	 * Whether a new version's probabilities are tempered to match how often it is right (the
	 * temperature fitted on its held-out predictions): an automatic dispatch above 0.8 should be
	 * right about eight times in ten.
	 */
	boolean calibrates() {
		return true;
	}

	static ModelKind parse(String name) {
		if (name == null || name.isBlank()) return CATEGORY;
		try {
			return valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldException("kind", "模型类型须为 category、subcategory、department、emotion 或 risk 之一：" + name);
		}
	}
}
