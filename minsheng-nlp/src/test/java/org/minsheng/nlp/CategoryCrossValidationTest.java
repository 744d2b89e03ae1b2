package org.minsheng.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;


/**
 * The category model on real citizen messages (2020 TipDM Cup, 826 messages, 7 level-1 classes),
 * 5-fold cross-validated as the issue asks. Reads {@code shared/data} beside the repository (not
 * shipped: research data); where a checkout has no such folder the tests say so and are skipped.
 */
class CategoryCrossValidationTest {

	static List<LabeledText> messages() throws IOException {
		var out = new ArrayList<LabeledText>();
		for (var row : SharedData.csv("gov-messages/labeled-dev.csv")) {
			out.add(new LabeledText(row.get("title") + "\n" + row.get("detail"), row.get("label")));
		}
		return out;
	}

	@Test
	void recognizesTheLevelOneCategoryOfRealMessagesUnderFiveFoldCrossValidation() throws IOException {
		var examples = messages();
		assertThat(examples).hasSize(826);

		var figures = TextClassifier.crossValidate(examples, 5, 2026);

		System.out.printf("category, 5-fold on %d messages: accuracy %.3f, macro-F1 %.3f, top-3 %.3f, F1 by class %s%n",
				figures.examples(), figures.accuracy(), figures.macroF1(), figures.top3Accuracy(), figures.f1ByLabel());
		assertThat(figures.f1ByLabel()).hasSize(7);
		var calibration = figures.calibration();
		Reliability.print("category", "texts", calibration);
		// measured 0.039 against LibLinear's own 0.052 (docs/benchmarks.md)
		assertThat(calibration.error()).as("calibrated on other folds").isLessThan(calibration.errorBefore());
		// measured 0.838 (accuracy 0.845); the target is 0.88, not reached yet (docs/benchmarks.md)
		assertThat(figures.macroF1()).as("macro-F1").isGreaterThanOrEqualTo(0.82);
	}

	@Test
	void givesProbabilitiesThatAddUpAndTheNextBestLabels() throws IOException {
		var classifier = TextClassifier.train(messages());

		var c = classifier.classify("小区附近的工地晚上施工噪音太大，严重影响居民休息，请环保部门处理");

		assertThat(c.label()).isEqualTo("环境保护");
		assertThat(c.confidence()).isBetween(0.0, 1.0);
		assertThat(c.alternatives()).hasSize(3);
		double sum = c.confidence() + c.alternatives().stream().mapToDouble(Classification.Alternative::confidence).sum();
		assertThat(sum).isLessThanOrEqualTo(1.0 + 1e-9);
		assertThat(c.alternatives().get(0).confidence()).isLessThanOrEqualTo(c.confidence());
	}

	@Test
	void readsTraditionalCharactersAsSimplified() {
		assertThat(TextFeatures.names("社會保險")).isEqualTo(TextFeatures.names("社会保险"));
	}
}
