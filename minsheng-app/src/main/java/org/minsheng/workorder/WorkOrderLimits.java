package org.minsheng.workorder;

/**
 * How long each text of a work order may be, in one place: the API's records check them for
 * shape ({@code @Size(max = WorkOrderLimits.TITLE)}) and the service again for callers that do
 * not come through HTTP, so the two can no longer drift apart. The columns are at least as wide.
 */
public final class WorkOrderLimits {

	public static final int TITLE = 200;

	public static final int CONTENT = 4000;

	public static final int CALLER_NAME = 50;

	/** As typed, before normalisation (spaces, dashes, a country code). */
	public static final int CALLER_PHONE = 30;

	public static final int ADDRESS = 300;

	public static final int DIVISION_CODE = 12;

	/** The call's id as the switch gives it (SIP Call-IDs run long). */
	public static final int CALL_ID = 200;

	public static final int RECORDING_REF = 300;

	public static final int TAGS = 10;

	public static final int TAG = 20;

	public static final int ANSWER = 4000;

	public static final int REPLY = 4000;

	public static final int ATTACHMENTS_PER_REPLY = 20;

	/** A dispatch, reassignment, review or callback comment; a reason to return; a supervision note. */
	public static final int COMMENT = 1000;

	/** A reason for more time or for withdrawing, and the decision's comment. */
	public static final int SHORT_REASON = 500;

	public static final int CO_HANDLERS = 10;

	/** A work-order number as typed (full-width digits and spaces are folded away after). */
	public static final int WORK_ORDER_NO = 20;

	private WorkOrderLimits() {
	}
}
