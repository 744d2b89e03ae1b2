package org.minsheng.sip;

import org.minsheng.sip.internal.JainSipEngine;

/** Starts call engines. */
public final class SipEngines {

	private SipEngines() {
	}

	/**
	 * Starts an engine listening on the settings' address and port.
	 *
	 * @param accounts the agents' SIP accounts
	 * @param calls    what to do with each incoming call
	 * @throws IllegalStateException when the port cannot be bound
	 */
	public static SipEngine start(SipSettings settings, SubscriberDirectory accounts, CallHandler calls) {
		return JainSipEngine.start(settings, accounts, calls);
	}
}
