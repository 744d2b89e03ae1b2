package org.minsheng.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;


/**
 * The department model on real questions to the Taipei City Government (937 FAQ questions, 108
 * departments, Traditional Chinese read as Simplified), 5-fold cross-validated as the issue asks:
 * which department answers a question, from the question alone.
 */
class DepartmentCrossValidationTest {

	static List<LabeledText> questions() throws IOException {
		var out = new ArrayList<LabeledText>();
		for (var row : SharedData.csv("gov-faq-tw/faq-dev.csv")) {
			out.add(new LabeledText(row.get("question"), row.get("dept")));
		}
		return out;
	}

	@Test
	void namesTheAnsweringDepartmentOfRealQuestionsUnderFiveFoldCrossValidation() throws IOException {
		var examples = questions();
		assertThat(examples).hasSize(937);

		var figures = TextClassifier.crossValidate(examples, 5, 2026);

		System.out.printf("department, 5-fold on %d questions, %d departments: top-1 %.3f, top-3 %.3f, macro-F1 %.3f%n",
				figures.examples(), figures.f1ByLabel().size(), figures.accuracy(), figures.top3Accuracy(),
				figures.macroF1());
		var calibration = figures.calibration();
		Reliability.print("department", "questions", calibration);
		// what an automatic-dispatch threshold means: the share of requests the model alone would
		// dispatch and how many of those would go to the right department
		for (double threshold : new double[] { 0.5, 0.7, 0.8, 0.9 }) {
			int sure = 0;
			double right = 0;
			for (var b : calibration.bins()) {
				if (b.from() >= threshold - 1e-9) {
					sure += b.count();
					right += b.count() * b.accuracy();
				}
			}
			System.out.printf("  at confidence >= %.1f: %.1f %% of questions, %.3f of them right%n", threshold,
					100.0 * sure / figures.examples(), sure == 0 ? 0 : right / sure);
		}
		assertThat(calibration.error()).as("calibrated on other folds").isLessThan(calibration.errorBefore());
		assertThat(figures.accuracy()).as("top-1").isGreaterThan(0.5);
	}
}
