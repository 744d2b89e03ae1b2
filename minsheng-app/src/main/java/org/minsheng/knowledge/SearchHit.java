package org.minsheng.knowledge;

/** One article found by a search, with a highlighted snippet ({@code <em>} around the matched words, the rest escaped). */
public record SearchHit(long id, String externalId, ArticleType type, String title, float score, String snippet) {
}
