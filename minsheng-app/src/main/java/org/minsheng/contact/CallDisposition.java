package org.minsheng.contact;

/** How a citizen's call ended, as its detail record and the figures count it (话务结果). */
public enum CallDisposition {

	/** Talked with an agent (or a colleague it was transferred to). */
	ANSWERED("人工接通"),
	/** Hung up while waiting in a queue. */
	ABANDONED("排队放弃"),
	/** Left a message. */
	VOICEMAIL("留言"),
	/** Served by the voice menu alone (self-service, a notice, hung up in the menu). */
	IVR_ONLY("自助服务"),
	/** Reached a queue no agent could take. */
	NO_AGENT("无可用坐席"),
	/** No call plan was in force for the number dialled. */
	NO_FLOW("无呼叫流程"),
	/** Left the queue with a promise to be called back (排队回呼). */
	CALLBACK("排队回呼"),
	/** Going on now; the record is completed when it ends. */
	IN_PROGRESS("通话中"),
	/** The center called the citizen for an agent (回访, 号码保护) and they talked. */
	OUTBOUND("外呼已接通"),
	/** The center called the citizen for an agent; the citizen (or the agent) did not answer. */
	OUTBOUND_UNANSWERED("外呼未接通"),
	/** Cut off when the host it ran on stopped (a crash, a restart). */
	INTERRUPTED("系统中断");

	private final String label;

	CallDisposition(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
