package org.minsheng.workorder;

/** The caller's verdict at the callback (回访). */
public enum Satisfaction {

	SATISFIED("满意"), BASICALLY_SATISFIED("基本满意"), DISSATISFIED("不满意"), UNREACHABLE("联系不上");

	private final String label;

	Satisfaction(String label) {
		this.label = label;
	}

	/** The name shown in the console. */
	public String label() {
		return label;
	}
}
