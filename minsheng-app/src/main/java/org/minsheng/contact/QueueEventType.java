package org.minsheng.contact;

import org.minsheng.sip.DialResult;

/** What happened to a call in a queue (排队事件), as its detail record keeps it. */
public enum QueueEventType {

	ENTERED("进入队列"), OFFERED("分配坐席"), ANSWERED("坐席接听"), NO_ANSWER("坐席未接"), ABANDONED("排队放弃"),
	OVERFLOWED("溢出转队列"), TRANSFERRED("转接"), CONSULTED("咨询"),
	/** The caller chose to be called back instead of waiting. */
	CALLBACK_REQUESTED("预约回拨"),
	/** An attempt to call the caller back, by how the dial ended. */
	CALLBACK_ANSWERED("回拨接通"), CALLBACK_NO_ANSWER("回拨无人接听"), CALLBACK_BUSY("回拨占线"), CALLBACK_FAILED("回拨失败"),
	/** The promised callback was given up after its attempts. */
	CALLBACK_GAVE_UP("回拨多次未通，已放弃"),
	/** A transfer to a number outside the center, by how it ended. */
	OUTSIDE_ANSWERED("外线接听"), OUTSIDE_NO_ANSWER("外线无人接听"), OUTSIDE_FAILED("外线呼叫失败");

	private final String label;

	QueueEventType(String label) {
		this.label = label;
	}

	/** The event in the center's words. */
	public String label() {
		return label;
	}

	/** The event recording a call the center placed to an outside number, by how the dial ended. */
	public static QueueEventType outside(DialResult.Outcome outcome) {
		return switch (outcome) {
			case ANSWERED -> OUTSIDE_ANSWERED;
			case NO_ANSWER, BUSY -> OUTSIDE_NO_ANSWER;
			case FAILED -> OUTSIDE_FAILED;
		};
	}

	/** The event recording one attempt to call a caller back, by how the dial ended. */
	public static QueueEventType callback(DialResult.Outcome outcome) {
		return switch (outcome) {
			case ANSWERED -> CALLBACK_ANSWERED;
			case NO_ANSWER -> CALLBACK_NO_ANSWER;
			case BUSY -> CALLBACK_BUSY;
			case FAILED -> CALLBACK_FAILED;
		};
	}
}
