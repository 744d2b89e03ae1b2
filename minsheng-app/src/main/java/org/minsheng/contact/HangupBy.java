package org.minsheng.contact;

import org.minsheng.sip.Party;

/** Who ended a call (挂机方), as its detail record keeps it. */
public enum HangupBy {

	CALLER("市民"),
	AGENT("坐席"),
	/** The number outside the center the call was transferred to (a department's line). */
	OUTSIDE("外线"),
	/** The center itself: a flow's end, a timeout, the engine stopping. */
	SYSTEM("系统");

	private final String label;

	HangupBy(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Who hung up on a call with an agent of the center. */
	public static HangupBy of(Party party) {
		return switch (party) {
			case CALLER -> CALLER;
			case AGENT -> AGENT;
			case SYSTEM -> SYSTEM;
		};
	}

	/** Who hung up on a call transferred to an outside line: its far end is not an agent. */
	public static HangupBy outside(Party party) {
		return party == Party.AGENT ? OUTSIDE : of(party);
	}
}
