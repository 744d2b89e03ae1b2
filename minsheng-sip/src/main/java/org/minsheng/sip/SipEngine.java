package org.minsheng.sip;

import java.util.List;
import java.util.Optional;

/**
 * The running call engine: a registrar for agents' phones and a back-to-back user agent for citizens' calls.
 * Create one with {@link SipEngines#start}.
 */
public interface SipEngine extends AutoCloseable {

	/** The SIP port the engine listens on (UDP and/or TCP). */
	int port();

	List<Registration> registrations();

	Optional<Registration> registration(String user);

	/** Counters since start. */
	EngineStats stats();

	/**
	 * Calls a citizen's number through the {@link SipSettings#trunk trunk} (a callback) and blocks until they answer,
	 * decline, or {@code ringTimeout} passes (then the attempt is cancelled). An answered call is a {@link Call} like
	 * any other: play to it, bridge it to agents, hang it up. It counts among {@link #activeCalls}.
	 */
	DialResult dial(String number, java.time.Duration ringTimeout);

	/** Calls in progress. */
	int activeCalls();

	/** Stops listening, ends calls in progress and releases the ports. */
	@Override
	void close();
}
