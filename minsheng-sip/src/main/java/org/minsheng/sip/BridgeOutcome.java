package org.minsheng.sip;

import java.time.Instant;
import java.util.Optional;

/**
 * How a bridge to an agent ended.
 *
 * @param result     what happened
 * @param agent      the agent whose phone answered (or was rung, when only one was)
 * @param agentCallId the Call-ID of the agent leg
 * @param answeredAt when the agent answered (empty unless {@link Result#TALKED})
 * @param endedAt    when the talk or the attempt ended
 * @param endedBy    who hung up after the talk (empty unless {@link Result#TALKED})
 * @param recording  the stereo recording (caller left, agent right), if one was made
 * @param transferTo where the agent transferred the caller (the user part of the REFER's Refer-To, or what
 *                   {@link Call#transfer} was given), when {@link Result#TRANSFERRED}
 * @param held       how long the caller was on hold during the talk (by the agent's phone or {@link Call#hold})
 */
public record BridgeOutcome(Result result, String agent, String agentCallId, Optional<Instant> answeredAt, Instant endedAt,
							Optional<Party> endedBy, Optional<Recording> recording, Optional<String> transferTo,
							java.time.Duration held) {

	public enum Result {
		/** The agent answered and the two talked until one hung up. */
		TALKED,
		/** The agent's phone rang until the ring timeout. */
		NO_ANSWER,
		/** The agent's phone declined (486/603 or another final error). */
		REJECTED,
		/** No phone is registered for the agent, or it did not respond at all. */
		UNREACHABLE,
		/** The caller hung up while the agent's phone rang. */
		CALLER_LEFT,
		/**
		 * The agent transferred the caller (blind): the agent's leg has ended and the caller waits, unbridged, for
		 * the flow to connect them to {@link BridgeOutcome#transferTo()}.
		 */
		TRANSFERRED
	}
}
