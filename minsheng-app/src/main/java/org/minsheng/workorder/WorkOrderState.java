package org.minsheng.workorder;

/** Where a work order stands in its lifecycle (受理→调度→办理→回复→审核→回访→办结). */
public enum WorkOrderState {

	REGISTERED("登记", true), PENDING_DISPATCH("待派单", true), DISPATCHED("已派单待签收", true), IN_PROGRESS("办理中", true),
	RETURNED("已退单", true), REPLIED("已回复待审核", true), PENDING_CALLBACK("待回访", true), CLOSED("已办结", false),
	WITHDRAWN("已撤单", false), MERGED("已并单", false);

	private final String label;

	private final boolean open;

	WorkOrderState(String label, boolean open) {
		this.label = label;
		this.open = open;
	}

	public String label() {
		return label;
	}

	/** False once the order is closed, withdrawn or merged into another. */
	public boolean open() {
		return open;
	}
}
