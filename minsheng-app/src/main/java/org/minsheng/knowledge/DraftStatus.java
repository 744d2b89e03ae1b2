package org.minsheng.knowledge;

/** The review status of an article's pending version. */
public enum DraftStatus {

	EDITING("编辑中"), SUBMITTED("待审核"), SENT_BACK("已退回修改");

	private final String label;

	DraftStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
