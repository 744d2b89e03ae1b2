package org.minsheng.workorder;

/** How a request reached the center. */
public enum Channel {

	PHONE("电话"), WEB("网站"), APP("APP"), MINI_PROGRAM("小程序"), EMAIL("邮件"), SMS("短信"), OPEN311("Open311"), WALK_IN("来访");

	private final String label;

	Channel(String label) {
		this.label = label;
	}

	/** The name shown in the console. */
	public String label() {
		return label;
	}
}
