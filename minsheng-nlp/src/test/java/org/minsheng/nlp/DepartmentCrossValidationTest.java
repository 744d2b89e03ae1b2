package org.minsheng.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The department model on real questions to the Taipei City Government (937 FAQ questions, 108
 * departments, Traditional Chinese read as Simplified), 5-fold cross-validated as the issue asks:
 * which department answers a question, from the question alone.
 */
class DepartmentCrossValidationTest {

	static final String FILE = "shared/data/gov-faq-tw/faq-dev.csv";

	static List<LabeledText> questions() throws IOException {
		Path path = null;
		for (var dir = Path.of("").toAbsolutePath(); dir != null && path == null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve(FILE))) path = dir.resolve(FILE);
		}
		org.junit.jupiter.api.Assumptions.assumeTrue(path != null, "No " + FILE + " beside this checkout or above it");
		var out = new ArrayList<LabeledText>();
		try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
			.with(CsvSchema.emptySchema().withHeader())
			.readValues(path.toFile())) {
			for (var row : rows.readAll()) {
				out.add(new LabeledText(row.get("question"), row.get("dept")));
			}
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
