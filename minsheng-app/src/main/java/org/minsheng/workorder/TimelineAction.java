package org.minsheng.workorder;

/**
 * The kinds of step on a work order's timeline. {@code citizenSees} marks the steps of the public
 * timeline a caller may look up; {@code citizenSeesText} those whose text (a reply, an answer) the
 * caller may read. Handler names and internal notes are never public.
 */
public enum TimelineAction {

	REGISTERED("受理登记", true, false), CLOSED_ON_SPOT("即时办结", true, true), DISPATCHED("派单", true, false),
	AUTO_DISPATCHED("自动派单", true, false), SIGNED("签收", true, false), RETURNED("退单", false, false),
	SUB_DISPATCHED("下派", true, false), SUB_SIGNED("下级签收", false, false), SUB_RETURNED("下级退回", false, false),
	SUB_REPLIED("下级回复", false, false), CO_SIGNED("协办签收", false, false), CO_REPLIED("协办意见", false, false),
	CO_RETURNED("协办退回", false, false), REPLIED("办结反馈", true, true), REVIEW_APPROVED("审核通过", false, false),
	SENT_BACK("审核退回重办", true, false), CALLED_BACK("回访", true, false), REOPENED("不满意重办", true, false),
	CLOSED("办结", true, false), EXTENSION_REQUESTED("延期申请", false, false), EXTENSION_APPROVED("延期批准", true, false),
	EXTENSION_REFUSED("延期驳回", false, false), SUPERVISED("督办", false, false), REMINDED("催办", false, false),
	ESCALATED("升级督办", false, false), MERGED("并单", true, false), MERGED_IN("合并来单", false, false),
	WITHDRAWN("撤单", true, false), REASSIGNED("改派", true, false), WARNED("超期预警", false, false),
	OVERDUE("超期", false, false);

	private final String label;

	private final boolean citizenSees;

	private final boolean citizenSeesText;

	TimelineAction(String label, boolean citizenSees, boolean citizenSeesText) {
		this.label = label;
		this.citizenSees = citizenSees;
		this.citizenSeesText = citizenSeesText;
	}

	public String label() {
		return label;
	}

	public boolean citizenSees() {
		return citizenSees;
	}

	public boolean citizenSeesText() {
		return citizenSeesText;
	}
}
