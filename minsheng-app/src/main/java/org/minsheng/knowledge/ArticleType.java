package org.minsheng.knowledge;

/** What an article is for. */
public enum ArticleType {

	GUIDE("办事指南"), POLICY("政策解读"), FAQ("常见问答"), SCRIPT("话术模板"), NOTICE("通知公告");

	private final String label;

	ArticleType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
