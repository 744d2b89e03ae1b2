package org.minsheng.knowledge;

/**
 * Where an article's readable content stands: never published yet, published (searchable), past
 * its expiry date, or taken down for good. A pending change to a published article is a draft
 * version beside the published one (see {@link DraftStatus}).
 */
public enum ArticleState {

	DRAFT("草稿"), PUBLISHED("已发布"), EXPIRED("已过期"), RETIRED("已下架");

	private final String label;

	ArticleState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
