package org.minsheng.knowledge;

import java.time.LocalDate;

/**
 * A search: the words, how many hits, and optional filters by type, owning department, the
 * caller's region (articles scoped to it or to a division above it, and articles for everywhere)
 * and the date the article must be valid on (today when null). {@code source} says who asks, for
 * the query log (SEARCH, ASSIST, BOT).
 */
public record SearchRequest(String q, int top, ArticleType type, Long departmentId, String region, LocalDate validOn,
		String source) {

	public static SearchRequest of(String q, int top) {
		return new SearchRequest(q, top, null, null, null, null, "SEARCH");
	}
}
