package org.minsheng.knowledge;

import java.time.LocalDate;
import java.util.List;

/**
 * What one version of an article says. {@code body} is rich text, kept as safe HTML (scripts,
 * event handlers and foreign markup are removed on save); {@code questions} are the phrasings a
 * citizen may use (an FAQ's several questions); {@code regions} are division codes the article
 * applies to (empty: everywhere); an article is valid from {@code effectiveFrom} through
 * {@code expiresAt}, both optional.
 */
public record ArticleContent(String title, String body, List<String> questions, List<String> tags,
		List<String> regions, LocalDate effectiveFrom, LocalDate expiresAt, String sourceUrl) {

	public ArticleContent {
		questions = questions == null ? List.of() : List.copyOf(questions);
		tags = tags == null ? List.of() : List.copyOf(tags);
		regions = regions == null ? List.of() : List.copyOf(regions);
	}
}
