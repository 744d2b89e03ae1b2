package org.minsheng.workorder.internal;

import java.time.Clock;

import org.minsheng.platform.Allowance;
import org.minsheng.platform.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * Keeps the public status look-up from guessing phone digits without shutting out the citizen
 * whose order it is. A client address gets a number of look-ups per window; an address that
 * guessed an order's digits wrong too often may not look that order up for the window, while the
 * citizen at another address still can. Only wrong guesses at one order from many addresses (a
 * spread attack) close the order to everyone for the window. Token buckets ({@link Allowance}) held
 * in memory per node; with several nodes the limits apply per node.
 */
@Component
class LookupThrottle {

	private final Allowance lookupsByClient;

	private final Allowance failuresByClientAndOrder;

	private final Allowance failuresByOrder;

	LookupThrottle(WorkOrderSettings settings, Clock clock) {
		this.lookupsByClient = new Allowance(settings.lookupsPerClient(), settings.lookupWindow(), clock);
		this.failuresByClientAndOrder = new Allowance(settings.failuresPerOrder(), settings.lookupWindow(), clock);
		this.failuresByOrder = new Allowance(settings.failuresPerOrderEverywhere(), settings.lookupWindow(), clock);
	}

	/** Counts one attempt; throws when the client, or the order everywhere, is over its limit. */
	void attempt(String client, String orderNo) {
		var pair = client + "\n" + orderNo;
		if (failuresByClientAndOrder.usedUp(pair)) {
			throw new TooManyRequestsException("此号码的查询码错误次数过多，请稍后再试（too many wrong attempts）",
					failuresByClientAndOrder.secondsUntilNext(pair));
		}
		if (failuresByOrder.usedUp(orderNo)) {
			throw new TooManyRequestsException("该工单近期被多处反复试查，暂停查询，请稍后再试或致电 12345（order closed to look-ups）",
					failuresByOrder.secondsUntilNext(orderNo));
		}
		if (lookupsByClient.usedUp(client)) {
			throw new TooManyRequestsException("查询过于频繁，请稍后再试（too many look-ups）",
					lookupsByClient.secondsUntilNext(client));
		}
		lookupsByClient.use(client);
	}

	void failed(String client, String orderNo) {
		failuresByClientAndOrder.use(client + "\n" + orderNo);
		failuresByOrder.use(orderNo);
	}
}
