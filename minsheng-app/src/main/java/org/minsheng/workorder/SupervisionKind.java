package org.minsheng.workorder;

/** Supervision steps of the center (督办). */
public enum SupervisionKind {

	FLAG("督办"), REMIND("催办"), ESCALATE("升级督办");

	private final String label;

	SupervisionKind(String label) {
		this.label = label;
	}

	/** The name shown in the console. */
	public String label() {
		return label;
	}
}
