package org.minsheng.contact;

import org.minsheng.sip.BridgeOutcome;

/** How one agent's (or an outside number's) leg of a call ended (振铃结果). */
public enum LegResult {

	/** Answered and talked until one side hung up. */
	TALKED("已通话"),
	/** Answered; the talk goes on, or it was the leg a colleague took over from. */
	ANSWERED("已接听"),
	NO_ANSWER("未接听"),
	REJECTED("拒接"),
	UNREACHABLE("无法接通"),
	/** The caller hung up while this phone rang. */
	CALLER_LEFT("市民已挂断"),
	/** The agent passed the caller on. */
	TRANSFERRED("已转接"),
	/** Asked for advice by the agent who had the caller. */
	CONSULTED("咨询");

	private final String label;

	LegResult(String label) {
		this.label = label;
	}

	/** The result in the center's words. */
	public String label() {
		return label;
	}

	/** The leg's result from how the call engine's bridge ended. */
	public static LegResult of(BridgeOutcome.Result result) {
		return switch (result) {
			case TALKED -> TALKED;
			case NO_ANSWER -> NO_ANSWER;
			case REJECTED -> REJECTED;
			case UNREACHABLE -> UNREACHABLE;
			case CALLER_LEFT -> CALLER_LEFT;
			case TRANSFERRED -> TRANSFERRED;
		};
	}
}
