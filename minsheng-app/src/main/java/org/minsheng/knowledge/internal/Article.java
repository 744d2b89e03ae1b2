package org.minsheng.knowledge.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.minsheng.knowledge.ArticleAction;
import org.minsheng.knowledge.ArticleContent;
import org.minsheng.knowledge.ArticleState;
import org.minsheng.knowledge.ArticleType;
import org.minsheng.knowledge.DraftStatus;
import org.minsheng.platform.ConflictException;
import org.minsheng.platform.InvalidFieldException;

/**
 * The article aggregate: its published version, its pending draft and their review. A new
 * article is a draft until its first approval; a change to a published article is a new draft
 * version beside the published one, which readers keep seeing until the change is approved.
 * Approval publishes the draft as the next version. Pure: rows, permissions and the index stay
 * outside.
 */
final class Article {

	static final String KIND = "知识";

	Long id;

	final String externalId;

	final ArticleType type;

	final long departmentId;

	private ArticleState state;

	private Integer publishedVersion;

	private Integer draftVersion;

	private DraftStatus draftStatus;

	private String reviewComment;

	private String retiredReason;

	/** The highest version number ever used, published or not. */
	private int lastVersion;

	private Article(Long id, String externalId, ArticleType type, long departmentId, ArticleState state,
			Integer publishedVersion, Integer draftVersion, DraftStatus draftStatus, String reviewComment,
			String retiredReason, int lastVersion) {
		this.id = id;
		this.externalId = externalId;
		this.type = type;
		this.departmentId = departmentId;
		this.state = state;
		this.publishedVersion = publishedVersion;
		this.draftVersion = draftVersion;
		this.draftStatus = draftStatus;
		this.reviewComment = reviewComment;
		this.retiredReason = retiredReason;
		this.lastVersion = lastVersion;
	}

	/** A new article: version 1 as a draft being edited. */
	static Article create(String externalId, ArticleType type, long departmentId) {
		return new Article(null, externalId, type, departmentId, ArticleState.DRAFT, null, 1, DraftStatus.EDITING,
				null, null, 1);
	}

	static Article restore(long id, String externalId, ArticleType type, long departmentId, ArticleState state,
			Integer publishedVersion, Integer draftVersion, DraftStatus draftStatus, String reviewComment,
			String retiredReason, int lastVersion) {
		return new Article(id, externalId, type, departmentId, state, publishedVersion, draftVersion, draftStatus,
				reviewComment, retiredReason, lastVersion);
	}

	/**
	 * Where an edit goes: the draft being edited or sent back (changed in place), or a new draft
	 * version after the published one. Returns the version number to write and whether it is new.
	 */
	Edit edit() {
		if (state == ArticleState.RETIRED) {
			throw ConflictException.illegalTransition("编辑", KIND, id, state.label());
		}
		if (!allows(ArticleAction.EDIT)) {
			throw ConflictException.illegalTransition("编辑", KIND, id, state.label() + "，且有版本在审核中");
		}
		if (draftVersion != null) {
			draftStatus = DraftStatus.EDITING;
			return new Edit(draftVersion, false);
		}
		draftVersion = ++lastVersion;
		draftStatus = DraftStatus.EDITING;
		reviewComment = null;
		return new Edit(draftVersion, true);
	}

	record Edit(int version, boolean newVersion) {
	}

	void submit() {
		if (!allows(ArticleAction.SUBMIT)) {
			throw ConflictException.illegalTransition("提交审核", KIND, id, describe());
		}
		draftStatus = DraftStatus.SUBMITTED;
	}

	/**
	 * Publishes the draft in review as the article's version. A version that expired before it
	 * could be published is refused: nobody could read it.
	 */
	int approve(ArticleContent draft, LocalDate today, String comment) {
		if (!allows(ArticleAction.APPROVE)) {
			throw ConflictException.illegalTransition("审核通过", KIND, id, describe());
		}
		if (draft.expiresAt() != null && draft.expiresAt().isBefore(today)) {
			throw new InvalidFieldException("expiresAt",
					"第 " + draftVersion + " 版已于 " + draft.expiresAt() + " 过期：请先修改有效期再发布");
		}
		publishedVersion = draftVersion;
		draftVersion = null;
		draftStatus = null;
		reviewComment = comment;
		state = ArticleState.PUBLISHED;
		return publishedVersion;
	}

	/** Import with publish: a new draft version is published at once (the importer holds the review right). */
	int publishAt(int version, ArticleContent content, LocalDate today) {
		draftVersion = version;
		draftStatus = DraftStatus.SUBMITTED;
		return approve(content, today, null);
	}

	void sendBack(String comment) {
		if (!allows(ArticleAction.SEND_BACK)) {
			throw ConflictException.illegalTransition("退回修改", KIND, id, describe());
		}
		draftStatus = DraftStatus.SENT_BACK;
		reviewComment = comment;
	}

	/** Drops the pending change of a published (or expired) article; returns the version dropped. */
	int discardDraft() {
		if (!allows(ArticleAction.DISCARD_DRAFT)) {
			throw ConflictException.illegalTransition("丢弃草稿", KIND, id, describe());
		}
		int dropped = draftVersion;
		if (dropped == lastVersion) {
			lastVersion--;
		}
		draftVersion = null;
		draftStatus = null;
		reviewComment = null;
		return dropped;
	}

	void expire() {
		if (state != ArticleState.PUBLISHED) {
			throw ConflictException.illegalTransition("设为过期", KIND, id, state.label());
		}
		state = ArticleState.EXPIRED;
	}

	/** Takes the article down for good; a pending draft goes with it (returned, to be deleted). */
	Integer retire(String reason) {
		if (!allows(ArticleAction.RETIRE)) {
			throw ConflictException.illegalTransition("下架", KIND, id, state.label());
		}
		Integer dropped = draftVersion != null && publishedVersion != null ? draftVersion : null;
		state = ArticleState.RETIRED;
		retiredReason = reason;
		if (publishedVersion != null) {
			draftVersion = null;
			draftStatus = null;
		}
		return dropped;
	}

	/**
	 * The article's rules in one place: which actions its state and its draft allow now. The commands
	 * check them; the view lists them (permissions aside) for the page to show.
	 */
	boolean allows(ArticleAction action) {
		boolean reviewing = draftStatus == DraftStatus.SUBMITTED;
		return switch (action) {
			case EDIT -> state != ArticleState.RETIRED && !reviewing;
			case SUBMIT -> state != ArticleState.RETIRED && draftVersion != null && !reviewing;
			case DISCARD_DRAFT -> draftVersion != null && publishedVersion != null && !reviewing;
			case ATTACH -> state != ArticleState.RETIRED;
			case APPROVE, SEND_BACK -> reviewing;
			case RETIRE -> state != ArticleState.RETIRED;
			case FEEDBACK -> state == ArticleState.PUBLISHED;
		};
	}

	Set<ArticleAction> allowed() {
		var out = EnumSet.noneOf(ArticleAction.class);
		for (var a : ArticleAction.values()) if (allows(a)) out.add(a);
		return out;
	}

	private String describe() {
		return draftStatus == null ? state.label() : state.label() + "，草稿" + draftStatus.label();
	}

	ArticleState state() {
		return state;
	}

	Integer publishedVersion() {
		return publishedVersion;
	}

	Integer draftVersion() {
		return draftVersion;
	}

	DraftStatus draftStatus() {
		return draftStatus;
	}

	String reviewComment() {
		return reviewComment;
	}

	String retiredReason() {
		return retiredReason;
	}

	int lastVersion() {
		return lastVersion;
	}
}
