package org.minsheng.workorder;

/** How fast an order must move (紧急程度); it selects the time limits. */
public enum Urgency {

	EXTRA_URGENT("特急"), URGENT("紧急"), NORMAL("一般");

	private final String label;

	Urgency(String label) {
		this.label = label;
	}

	/** The name shown in the console. */
	public String label() {
		return label;
	}
}
