package org.minsheng.sip.testkit;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.minsheng.sip.CallHandler;
import org.minsheng.sip.SipEngine;
import org.minsheng.sip.SipEngines;
import org.minsheng.sip.SipSettings;
import org.minsheng.sip.SubscriberDirectory;

/**
 * A call engine on loopback for a test: accounts added by name and password, and a call flow the test can swap.
 */
public final class EngineFixture implements AutoCloseable {

	public static final String REALM = "minsheng";

	private final Map<String, String> ha1s = new ConcurrentHashMap<>();
	private final AtomicReference<CallHandler> flow = new AtomicReference<>(call -> call.hangup());
	private final SipEngine engine;

	private EngineFixture(SipSettings settings) {
		SubscriberDirectory accounts = user -> Optional.ofNullable(ha1s.get(user));
		this.engine = SipEngines.start(settings, accounts, call -> flow.get().handle(call));
	}

	public static EngineFixture start(Path recordings) {
		return start(SipSettings.loopback(Sipp.freeUdpPort(), recordings));
	}

	public static EngineFixture start(SipSettings settings) {
		int rtp = 30000 + (int) (ProcessHandle.current().pid() % 100) * 200;
		return new EngineFixture(settings.withRtpPorts(rtp, rtp + 198));
	}

	public EngineFixture account(String user, String password) {
		ha1s.put(user, SubscriberDirectory.ha1(user, REALM, password));
		return this;
	}

	public EngineFixture flow(CallHandler handler) {
		flow.set(handler);
		return this;
	}

	/**
	 * An agent's phone: sipp registers {@code user} with its password (digest), then the returned scenario answers
	 * from the same port, where the engine reaches the registration.
	 */
	public Sipp phone(String user, String password, String scenario) {
		Sipp register = Sipp.scenario("register", "127.0.0.1", port())
				.set("user", user).set("expires", 300).set("expect", 200).credentials(user, password);
		Sipp.Result r = register.run();
		if (!r.passed()) throw new AssertionError("registering " + user + " failed: " + r);
		return Sipp.scenario(scenario, "127.0.0.1", port()).localPort(register.localPort());
	}

	public SipEngine engine() {
		return engine;
	}

	public int port() {
		return engine.port();
	}

	/**
	 * Closes the engine in the background: the SIP stack takes about two seconds to stop its timers, and each test
	 * uses fresh ports, so the next test need not wait for it.
	 */
	@Override
	public void close() {
		Thread.ofVirtual().name("engine-close").start(engine::close);
	}
}
