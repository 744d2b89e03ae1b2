package org.minsheng.knowledge;

/** Filters for the article list of editors and reviewers; null means any. */
public record ArticleQuery(ArticleType type, ArticleState state, DraftStatus draftStatus, Long departmentId,
		String words, int page, int size) {
}
