package org.minsheng.workorder;

/** The handling result a department reports with its reply (办结反馈). */
public enum ResultType {

	RESOLVED("已解决"), PARTLY_RESOLVED("部分解决"), UNRESOLVED_EXPLAINED("未解决-已解释"), UNFOUNDED("不属实");

	private final String label;

	ResultType(String label) {
		this.label = label;
	}

	/** The name shown in the console. */
	public String label() {
		return label;
	}
}
