package org.minsheng.knowledge;

/**
 * One article found by a search, with a highlighted snippet ({@code <em>} around the matched words,
 * the rest escaped) and {@code coverage}: the share of the question's words the article contains
 * (0 to 1), which bots and assist use with the score to judge a match.
 */
public record SearchHit(long id, String externalId, ArticleType type, String title, float score, String snippet,
		double coverage) {
}
