package org.minsheng.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.minsheng.sip.testkit.Sipp;
import org.minsheng.testsupport.Api;
import org.minsheng.testsupport.Eventually;
import org.minsheng.testsupport.IdentityFixture;

import tools.jackson.databind.JsonNode;

/**
 * A contact center on a forked server, for the tests that kill it: a supervisor, one queue answered
 * by 12345, one agent with a SIP account and the skill, and a citizen's number, all made through
 * the API. The names survive a restart of the server on the same data.
 */
final class ForkedCenter {

	final String unique = IdentityFixture.unique("");

	final String queue = "q" + unique;

	final String agent = "agent" + unique;

	final String extension = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));

	final String caller = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));

	final int sipPort = Sipp.freeUdpPort();

	/**
	 * The carrier's gateway of this center alone. Not the test JVM's shared one: the in-process test
	 * servers still running in this JVM dial that (a callback retrying), and a citizen's phone that
	 * took their calls would hang up on this one's.
	 */
	final int gatewayPort = otherThan(sipPort);

	private static int otherThan(int taken) {
		for (int port = Sipp.freeUdpPort();; port = Sipp.freeUdpPort()) {
			if (Math.abs(port - taken) >= 4) return port;
		}
	}

	/** The server's telephony settings: its SIP port, the same across restarts, and the carrier's gateway. */
	String[] telephony() {
		return new String[] { "--minsheng.contact.sip-port=" + sipPort, "--minsheng.contact.trunk=127.0.0.1:" + gatewayPort };
	}

	/** Makes the supervisor, the queue (with these extra settings) and the agent, signed in. */
	void open(Api api, String queueSettings) {
		var given = new IdentityFixture(api);
		given.user("sup" + unique, given.rootId(), "SUPERVISOR");
		ok(supervisor(api).sendAs("PUT", "/api/contact/plan", "application/yaml", """
				queues:
				  %s: {strategy: skills, skills: {%s技能: 3}, ring_timeout: 10s, wrap_up: 0s, %s}
				flows:
				  - number: "12345"
				    start: staffed
				    nodes:
				      staffed: {queue: %s}
				""".formatted(queue, queue, queueSettings, queue)));
		given.user(agent, given.rootId(), "AGENT");
		ok(supervisor(api).put("/api/contact/agents/" + agent,
				Map.of("extension", extension, "password", "sip-" + unique, "skills", Map.of(queue + "技能", 4))));
		state(api, "AVAILABLE");
	}

	Api.Session supervisor(Api api) {
		return api.as("sup" + unique, IdentityFixture.PASSWORD);
	}

	void state(Api api, String state) {
		ok(api.as(agent, IdentityFixture.PASSWORD).post("/api/contact/agents/" + agent + "/state", Map.of("state", state)));
	}

	/** The agent's phone registered; returns the scenario to start on its port. */
	Sipp agentPhone(String scenario) {
		var register = Sipp.scenario("register", "127.0.0.1", sipPort).set("user", extension).set("expires", 300)
			.set("expect", 200).credentials(extension, "sip-" + unique);
		var registered = register.run();
		assertThat(registered.passed()).as(registered.toString()).isTrue();
		return Sipp.scenario(scenario, "127.0.0.1", sipPort).localPort(register.localPort());
	}

	/** The newest call of the citizen's number with that disposition. */
	JsonNode callOf(Api api, String disposition) {
		return callOf(supervisor(api), caller, null, disposition);
	}

	/** The newest call of that number with that disposition (and agent, unless null), as a supervisor sees it. */
	static JsonNode callOf(Api.Session supervisor, String caller, String agentOrNull, String disposition) {
		return Eventually.value(() -> {
			for (var c : ok(supervisor.get("/api/contact/calls?limit=50"))) {
				if (c.get("caller").asString().endsWith(caller.substring(7)) && c.get("disposition").asString().equals(disposition)
						&& (agentOrNull == null || agentOrNull.equals(c.get("agent").asString(null)))) {
					return c;
				}
			}
			return null;
		}, c -> c != null, Duration.ofSeconds(15));
	}

	static JsonNode ok(Api.Response r) {
		assertThat(r.status()).as(r.body()).isBetween(200, 299);
		return r.json();
	}
}
