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

	/** Calls in progress. */
	int activeCalls();

	/** Stops listening, ends calls in progress and releases the ports. */
	@Override
	void close();
}
