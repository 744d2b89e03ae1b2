package org.minsheng.nlp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The public research data in {@code shared/data} beside the repository (not shipped: evaluation
 * only). Where a checkout has none (a clone elsewhere), the tests that need it say so and are
 * skipped.
 */
final class SharedData {

	private SharedData() {
	}

	/** The file at {@code shared/data/<relative>}, looked for beside each folder from the working directory up. */
	static Path file(String relative) {
		for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			var candidate = dir.resolve("shared/data").resolve(relative);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		org.junit.jupiter.api.Assumptions.abort("No shared/data/" + relative + " beside this checkout or above it");
		return null;
	}

	/** The rows of a CSV file with a header, as column → value. */
	static List<Map<String, String>> csv(String relative) throws IOException {
		try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
			.with(CsvSchema.emptySchema().withHeader())
			.readValues(file(relative).toFile())) {
			return rows.readAll();
		}
	}
}
