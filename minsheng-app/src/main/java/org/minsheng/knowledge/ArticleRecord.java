package org.minsheng.knowledge;

import java.time.LocalDate;
import java.util.List;

/**
 * An article in the exchange form of import and export. {@code department} is the owning
 * department's id or its exact name; {@code type} a name of {@link ArticleType}.
 */
public record ArticleRecord(String externalId, String type, String title, String body, String department,
		List<String> questions, List<String> regions, List<String> tags, LocalDate effectiveFrom, LocalDate expiresAt,
		String sourceUrl) {
}
