package org.minsheng.workorder;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What a caller may see of their order without logging in: the public steps (which department it
 * went to, the reply and its result, the callback), never internal notes or handler names. A
 * merged order shows the status of the order it was merged into.
 */
public record PublicStatus(WorkOrderNo no, String title, String stateLabel, OffsetDateTime registeredAt,
		List<Step> steps, String result, String reply, String satisfaction, WorkOrderNo mergedInto,
		PublicStatus master) {

	public record Step(OffsetDateTime at, String action, String department, String text) {
	}

	/** Lookup by order number and the last four digits of the caller's phone. */
	public interface Lookup {

		/**
		 * Empty when the order does not exist or the digits do not match (the two cannot be told apart).
		 * Throws {@link org.minsheng.platform.TooManyRequestsException} when {@code client} (an address)
		 * looked up too often or the order's digits were guessed wrong too often.
		 */
		Optional<PublicStatus> find(String orderNo, String phoneLastFour, String client);
	}
}
