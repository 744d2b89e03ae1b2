package org.minsheng.contact;

/** Where an agent is in the working day, as the ACD sees it. */
public enum AgentState {

	LOGGED_OUT("未签入"), AVAILABLE("空闲"), RINGING("振铃"), ON_CALL("通话中"), WRAP_UP("话后处理"), ON_BREAK("小休");

	private final String label;

	AgentState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
