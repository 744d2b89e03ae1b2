package org.minsheng.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The learned companion of the risk policies: a linear model of sentences labelled with their risk
 * kind or {@code NONE}, which catches phrasings no rule was written for (「把绳子准备好了」,
 * 「跟这个世界告别」). It only adds: a text is flagged when the rules or the model say so, never
 * cleared because the model is unsure, so no risk is lost to a model's low confidence.
 *
 * <p>It flags a text when the probability that it is risky (1 − P(NONE)) reaches the threshold,
 * with the likeliest kind. The shipped model learns from the sentences the project wrote for the
 * rules ({@code risk-sentences.csv}, {@code risk-heldout.csv}, {@code risk-heldout-2.csv}) and from
 * 102 ordinary requests ({@code risk-ordinary.csv}: wage arrears, leaks, noise, angry but not
 * dangerous), without which it took every wage complaint for a threat of suicide. The threshold
 * (0.5) was chosen by 5-fold cross-validation on them, rules and model together: the highest
 * recall first, then precision. On the 826 real TipDM messages it adds one flag to the rules'.
 */
public final class RiskModel {

	/** The policy name a model's flag carries, where a rule's carries the rule's name. */
	public static final String POLICY = "风险模型";

	public static final double DEFAULT_THRESHOLD = 0.5;

	public static final double COST = 64;

	static final String NONE = "NONE";

	static final List<String> SHIPPED = List.of("risk-sentences.csv", "risk-heldout.csv", "risk-heldout-2.csv",
			"risk-ordinary.csv");

	private final TextClassifier classifier;

	private final double threshold;

	private RiskModel(TextClassifier classifier, double threshold) {
		this.classifier = classifier;
		this.threshold = threshold;
	}

	/** Trains on sentences labelled with a {@link RiskKind} name or {@code NONE}. */
	public static RiskModel train(List<LabeledText> sentences, double threshold) {
		if (threshold <= 0 || threshold > 1) {
			throw new IllegalArgumentException("The risk model's threshold lies in (0, 1]: " + threshold);
		}
		for (var s : sentences) {
			if (!s.label().equals(NONE)) RiskKind.valueOf(s.label());
		}
		return new RiskModel(TextClassifier.train(sentences, COST), threshold);
	}

	/** A risk model of a classifier trained elsewhere (the center's versioned model) on the same labels. */
	public static RiskModel of(TextClassifier classifier, double threshold) {
		if (threshold <= 0 || threshold > 1) {
			throw new IllegalArgumentException("The risk model's threshold lies in (0, 1]: " + threshold);
		}
		if (!classifier.labels().contains(NONE)) {
			throw new IllegalArgumentException("A risk model needs NONE among its labels");
		}
		return new RiskModel(classifier, threshold);
	}

	/** The model of the shipped sentences. */
	public static RiskModel shipped(double threshold) {
		return train(shippedSentences(), threshold);
	}

	/** The sentences the shipped model learns from, as {@code label,text} lines. */
	public static List<LabeledText> shippedSentences() {
		var out = new ArrayList<LabeledText>();
		for (var file : SHIPPED) {
			try (var in = new BufferedReader(new InputStreamReader(RiskModel.class.getResourceAsStream(file),
					StandardCharsets.UTF_8))) {
				in.readLine();
				for (String line; (line = in.readLine()) != null;) {
					int comma = line.indexOf(',');
					if (comma > 0) out.add(new LabeledText(line.substring(comma + 1), line.substring(0, comma)));
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return out;
	}

	public Optional<RiskFlag> detect(String text) {
		return detect(TextFeatures.of(text));
	}

	/** A flag of the likeliest kind when the text is risky with at least the threshold's probability. */
	public Optional<RiskFlag> detect(TextFeatures.Vector features) {
		var c = classifier.classify(features);
		double none = c.label().equals(NONE) ? c.confidence()
				: c.alternatives().stream().filter(a -> a.label().equals(NONE)).mapToDouble(Classification.Alternative::confidence)
					.findFirst().orElse(0);
		double risky = 1 - none;
		if (risky < threshold) return Optional.empty();
		var kind = !c.label().equals(NONE) ? c.label()
				: c.alternatives().stream().filter(a -> !a.label().equals(NONE)).findFirst().orElseThrow().label();
		return Optional.of(new RiskFlag(RiskKind.valueOf(kind), POLICY, String.format("模型判断，概率 %.2f", risky), 0));
	}
}
