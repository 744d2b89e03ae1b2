package org.minsheng.workorder;

/** What the caller asks for (诉求类型). */
public enum RequestType {

	CONSULTATION("咨询"), HELP("求助"), COMPLAINT("投诉"), REPORT("举报"), SUGGESTION("建议"), PRAISE("表扬");

	private final String label;

	RequestType(String label) {
		this.label = label;
	}

	/** The name shown in the console. */
	public String label() {
		return label;
	}
}
