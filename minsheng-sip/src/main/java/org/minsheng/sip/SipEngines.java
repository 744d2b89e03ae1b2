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

	/**
	 * Finishes a recording that a crash of the engine cut off (its header still says it is empty):
	 * the sizes are set to the whole frames on disk and the file is sealed. Empty when the file is
	 * not a WAV of the engine's or holds no audio.
	 */
	public static java.util.Optional<Recording> finishInterruptedRecording(java.nio.file.Path wav) throws java.io.IOException {
		return org.minsheng.sip.internal.RecordingRepair.finish(wav);
	}
}
