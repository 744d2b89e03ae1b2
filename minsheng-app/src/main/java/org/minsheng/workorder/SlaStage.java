package org.minsheng.workorder;

/** The time limits of an order. */
public enum SlaStage {

	SIGN("签收时限"), HANDLE("办理时限"), CALLBACK("回访时限");

	private final String label;

	SlaStage(String label) {
		this.label = label;
	}

	/** The name shown in the console. */
	public String label() {
		return label;
	}
}
