package org.minsheng.knowledge;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The knowledge base. Everyone with {@code KNOWLEDGE_READ} reads and searches published articles;
 * editors write drafts of articles owned by departments in their data scope; reviewers of the
 * owning department (its admins; the center's supervisors for the center's articles) approve or
 * send back, and approval publishes a new version. Every step is on the audit log. Illegal steps
 * fail with {@link org.minsheng.platform.ConflictException#illegalTransition}.
 */
public interface KnowledgeBase {

	ArticleView create(NewArticle article);

	/** The article if the actor may see it: published ones for every reader, drafts within scope. */
	Optional<ArticleView> find(ArticleId id);

	/** Changes the draft, or starts one from the published version. */
	ArticleView edit(ArticleId id, ArticleContent content);

	ArticleView submit(ArticleId id);

	/** Publishes the submitted draft as the article's next version. */
	ArticleView approve(ArticleId id, String comment);

	ArticleView sendBack(ArticleId id, String comment);

	/** Drops a pending change to a published article; the published version stays. */
	ArticleView discardDraft(ArticleId id);

	ArticleView retire(ArticleId id, String reason);

	List<ArticleView.Version> versions(ArticleId id);

	/** What changed from one version to another, field by field, line by line. */
	VersionDiff diff(ArticleId id, int from, int to);

	ArticlePage list(ArticleQuery query);

	/** Published articles valid on the day asked (today by default), best first. */
	List<SearchHit> search(SearchRequest request);

	/**
	 * The published article's text without markup, paragraphs on their own lines: what a bot says
	 * (and, later, what the voice bot speaks). Empty when the article is not published.
	 */
	Optional<String> answerText(ArticleId id);

	/** Records a question nobody could answer from the knowledge base (a bot's hand-off), for the learning reports. */
	void recordUnanswered(String question, String source);

	/** Marks an article as used to answer (an agent inserted it, a bot answered with it). */
	void markUsed(ArticleId id, String source);

	/**
	 * Imports articles, each row on its own: a bad row is reported and the good ones are kept. A row
	 * whose external id exists updates that article (a new draft, or a new version when
	 * publishing). {@code publish} publishes at once and needs the review right over every row's
	 * department.
	 */
	ImportReport importArticles(List<ArticleRecord> rows, boolean publish);

	/** Every article in scope, in the import form, with its published content (else its draft). */
	List<ArticleRecord> export(ArticleQuery query);

	/** Attaches a file to an article the actor may edit (types and size as for work orders). */
	ArticleAttachment attach(ArticleId id, String fileName, InputStream content);

	/** The files of an article the actor may read. */
	List<ArticleAttachment> attachments(ArticleId id);

	/** A file's metadata and content; the caller closes the stream. */
	AttachmentDownload openAttachment(ArticleId id, long attachmentId);

	record AttachmentDownload(ArticleAttachment attachment, InputStream content) {
	}

	/** Rebuilds the search index from the database (KNOWLEDGE_ADMIN); returns the articles indexed. */
	int rebuildIndex();

	record NewArticle(String externalId, ArticleType type, long departmentId, ArticleContent content) {
	}

	record ArticlePage(List<ArticleSummary> items, long total, int page, int size) {
	}

	record ArticleSummary(long id, String externalId, ArticleType type, ArticleState state, DraftStatus draftStatus,
			String title, long departmentId, String departmentName, Integer publishedVersion,
			LocalDate expiresAt, long usedCount, OffsetDateTime updatedAt) {
	}

	record VersionDiff(int from, int to, List<FieldChange> changes) {

		public record FieldChange(String field, List<Line> lines) {
		}

		/** One line of a field: kept ({@code ' '}), removed ({@code '-'}) or added ({@code '+'}). */
		public record Line(char op, String text) {
		}
	}
}
