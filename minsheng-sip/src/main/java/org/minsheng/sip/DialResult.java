package org.minsheng.sip;

import java.util.Optional;

/**
 * How a call the engine placed to a citizen went.
 *
 * @param outcome what happened
 * @param status  the final SIP status from the gateway (200 when answered; 408 when nothing came in time)
 * @param call    the answered call, to play to and bridge like any other, when {@link Outcome#ANSWERED}
 */
public record DialResult(Outcome outcome, int status, Optional<Call> call) {

	public enum Outcome {
		ANSWERED,
		/** Rang until the ring timeout (or the gateway said 408/480). */
		NO_ANSWER,
		/** The citizen's line was busy or declined (486, 600, 603). */
		BUSY,
		/** The gateway refused or failed (any other error), or no trunk is set. */
		FAILED
	}

	public boolean answered() {
		return outcome == Outcome.ANSWERED;
	}
}
