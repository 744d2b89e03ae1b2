package org.minsheng.knowledge;

import java.util.List;

/**
 * What an import did: rows created, rows that updated an existing article (same external id),
 * and each rejected row with its number (1-based, in input order), field and reason. Good rows are
 * kept whatever happens to the bad ones.
 */
public record ImportReport(int received, int created, int updated, int published, List<RowError> errors) {

	public record RowError(int row, String externalId, String field, String message) {
	}
}
