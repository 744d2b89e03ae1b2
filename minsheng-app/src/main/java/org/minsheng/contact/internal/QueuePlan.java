package org.minsheng.contact.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A queue of the call plan.
 *
 * @param name          the name flows route to
 * @param strategy      how an agent is picked
 * @param skills        skills a call needs, with the minimum level (1–5); empty = any agent
 * @param widen         waits after which each required level drops by one (a level that reaches 0 is
 *                      no longer required), as FreeSWITCH tiers or Asterisk penalties widen a queue
 * @param maxWait       how long a caller waits before the overflow
 * @param overflow      where the caller goes after {@code maxWait}: {@code queue:<name>},
 *                      {@code voicemail} or {@code hangup}
 * @param ringTimeout   how long an agent's phone rings before the call goes to another agent
 * @param wrapUp        after-call work before the agent is offered the next call
 * @param maxNoAnswer   calls an agent may let ring out in a row before being put on break
 * @param announceEvery how often the caller hears their position and the expected wait
 * @param callback      whether and how callers may ask to be called back instead of waiting on the line
 */
record QueuePlan(String name, String label, RoutingStrategy strategy, Map<String, Integer> skills,
		List<Duration> widen, Duration maxWait, String overflow, Duration ringTimeout, Duration wrapUp,
		int maxNoAnswer, Duration announceEvery, Callback callback) {

	/**
	 * Callback requests (回拨): after waiting {@code offerAfter} the caller may press 1 to hang up and
	 * keep their place; when an agent is free the center calls them back, up to {@code attempts}
	 * times {@code retry} apart. A queue whose overflow is {@code callback} registers the request
	 * by itself at the maximum wait.
	 *
	 * @param offerAfter null when the caller is not offered a callback while waiting
	 */
	record Callback(Duration offerAfter, int attempts, Duration retry) {

		static final Callback NONE = new Callback(null, 3, Duration.ofMinutes(2));
	}

	boolean offersCallback() {
		return callback.offerAfter() != null || overflow.equals("callback");
	}

	/** The minimum level of each skill a call that has waited {@code waited} needs. */
	Map<String, Integer> requiredAfter(Duration waited) {
		int drop = 0;
		for (var step : widen) if (waited.compareTo(step) >= 0) drop++;
		if (drop == 0) return skills;
		var required = new HashMap<String, Integer>();
		for (var e : skills.entrySet()) {
			int level = e.getValue() - drop;
			if (level > 0) required.put(e.getKey(), level);
		}
		return required;
	}

	boolean qualifies(Seat seat, Duration waited) {
		for (var e : requiredAfter(waited).entrySet()) {
			if (seat.level(e.getKey()) < e.getValue()) return false;
		}
		return true;
	}
}
