package org.minsheng.sip;

/**
 * What happens to the agents of a talk after the first one answered: a consulted agent leaving, and the caller being
 * handed over to the consulted agent (attended transfer). Called on the engine's threads; keep it short.
 */
public interface TalkListener {

	/** The consulted agent's phone hung up or was hung up; the caller is back with the agent they talked to. */
	default void consultEnded(String agent) {
	}

	/**
	 * The caller now talks with {@code to} (the consulted agent): {@code from} completed the transfer or hung up
	 * while consulting, and {@code from}'s phone is hung up.
	 *
	 * @param fromCallId the Call-ID of {@code from}'s leg
	 * @param toCallId   the Call-ID of {@code to}'s leg
	 */
	default void handedOver(String from, String fromCallId, String to, String toCallId) {
	}
}
