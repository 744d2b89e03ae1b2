package org.minsheng.knowledge;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An article as its reader sees it: the published version (null before the first approval) and,
 * for those who may edit it, the pending draft.
 */
public record ArticleView(long id, String externalId, ArticleType type, ArticleState state, long departmentId,
		String departmentName, Version published, Version draft, DraftStatus draftStatus, String reviewComment,
		String retiredReason, long usedCount, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt,
		List<ArticleAction> allowedActions) {

	/** Whether the person the view was made for may take the action now (pages show a form only then). */
	public boolean allows(String action) {
		return allowedActions.contains(ArticleAction.valueOf(action));
	}

	/** One numbered version: its content, who wrote it and who approved it. */
	public record Version(int number, ArticleContent content, String editedBy, OffsetDateTime editedAt,
			String approvedBy, OffsetDateTime approvedAt) {
	}

	/** The content readers get: the published version, else the draft. */
	public ArticleContent current() {
		return published != null ? published.content() : draft.content();
	}
}
