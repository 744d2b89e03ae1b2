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
		assertThat(figures.accuracy()).as("top-1").isGreaterThan(0.5);
	}
}
