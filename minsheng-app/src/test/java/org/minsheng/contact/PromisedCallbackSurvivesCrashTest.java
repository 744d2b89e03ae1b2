package org.minsheng.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minsheng.sip.testkit.CallerScript;
import org.minsheng.sip.testkit.Sipp;
import org.minsheng.testsupport.Api;
import org.minsheng.testsupport.Eventually;
import org.minsheng.testsupport.ForkedServer;
import org.minsheng.testsupport.IdentityFixture;

import tools.jackson.databind.JsonNode;

/**
 * 排队回呼 across a crash: a waiting citizen presses 1 for a callback and hangs up, the server is
 * killed with SIGKILL before any agent is free, and after a restart on the same data the center
 * still calls the citizen back when an agent becomes free, keeping the citizen's place in line.
 */
class PromisedCallbackSurvivesCrashTest {

	@Test
	void aCallbackPromisedBeforeAKillIsPlacedAfterTheRestart() throws Exception {
		Sipp.assumeInstalled();
		var data = Files.createTempDirectory("minsheng-crash-callback-");
		int sipPort = Sipp.freeUdpPort();
		String[] telephony = { "--minsheng.contact.sip-port=" + sipPort,
				"--minsheng.contact.trunk=127.0.0.1:" + Sipp.gatewayPort() };
		var unique = IdentityFixture.unique("");
		var q = "q" + unique;
		var random = java.util.concurrent.ThreadLocalRandom.current();
		var caller = "139" + String.format("%08d", random.nextInt(100_000_000));
		var extension = String.valueOf(random.nextInt(100_000, 999_999));
		String agent;
		String originalId;
		try (var server = ForkedServer.start(data, 1, telephony)) {
			var api = server.api();
			var given = new IdentityFixture(api);
			given.user("sup" + unique, given.rootId(), "SUPERVISOR");
			var supervisor = api.as("sup" + unique, IdentityFixture.PASSWORD);
			ok(supervisor.sendAs("PUT", "/api/contact/plan", "application/yaml", """
					queues:
					  %s: {strategy: skills, skills: {%s技能: 3}, max_wait: 120s, ring_timeout: 10s, wrap_up: 0s, callback_after: 2s, callback_attempts: 3, callback_retry: 3s}
					flows:
					  - number: "12345"
					    start: staffed
					    nodes:
					      staffed: {queue: %s}
					""".formatted(q, q, q)));
			agent = "agent" + unique;
			given.user(agent, given.rootId(), "AGENT");
			ok(supervisor.put("/api/contact/agents/" + agent,
					Map.of("extension", extension, "password", "sip-" + unique,
							"skills", Map.of(q + "技能", 4))));
			// signed in, then away: nobody can take the call, so the citizen is offered a callback
			ok(api.as(agent, IdentityFixture.PASSWORD).post("/api/contact/agents/" + agent + "/state",
					Map.of("state", "AVAILABLE")));
			ok(supervisor.post("/api/contact/agents/" + agent + "/state", Map.of("state", "ON_BREAK", "reason", "会议")));

			var asked = Sipp.caller("127.0.0.1", sipPort, "12345", caller, new CallerScript().pause(3000).keys("1"), false)
				.timeout(Duration.ofSeconds(40)).run();
			assertThat(asked.passed()).as(asked.toString()).isTrue();
			var request = callWith(supervisor, caller, "CALLBACK");
			originalId = request.get("callId").asString();
			server.kill();
		}

		try (var server = ForkedServer.start(data, 2, telephony)) {
			var api = server.api();
			var supervisor = api.as("sup" + unique, IdentityFixture.PASSWORD);
			var register = Sipp.scenario("register", "127.0.0.1", sipPort).set("user", extension).set("expires", 300)
				.set("expect", 200).credentials(extension, "sip-" + unique);
			assertThat(register.run().passed()).isTrue();
			var agentPhone = Sipp.scenario("agent-answer", "127.0.0.1", sipPort).localPort(register.localPort())
				.set("ring", 300).set("audio", CallerScript.SPEECH).start();
			var citizen = Sipp.scenario("gateway-answer", "127.0.0.1", sipPort).localPort(Sipp.gatewayPort())
				.set("number", caller).set("callerId", "12345").set("ring", 300).set("audio", CallerScript.SPEECH)
				.set("talk", 12000).timeout(Duration.ofSeconds(60)).start();
			ok(api.as(agent, IdentityFixture.PASSWORD).post("/api/contact/agents/" + agent + "/state",
					Map.of("state", "AVAILABLE")));

			var answered = citizen.await();
			assertThat(answered.passed()).as(answered.toString()).isTrue();
			var agentAnswered = agentPhone.await();
			assertThat(agentAnswered.passed()).as(agentAnswered.toString()).isTrue();
			var original = originalId;
			var back = Eventually.value(() -> {
				for (var c : ok(supervisor.get("/api/contact/calls?limit=50"))) {
					var detail = ok(supervisor.get("/api/contact/calls/" + c.get("callId").asString()));
					if (original.equals(detail.get("callbackOf").asString(null))) return detail;
				}
				return null;
			}, c -> c != null, Duration.ofSeconds(20));
			assertThat(back.get("agent").asString()).isEqualTo(agent);
			assertThat(back.get("disposition").asString()).isEqualTo("ANSWERED");
			assertThat(ok(supervisor.get("/api/contact/calls/" + originalId)).get("queueEvents").findValuesAsString("event"))
				.startsWith("ENTERED", "CALLBACK_REQUESTED").endsWith("CALLBACK_ANSWERED");
		}
	}

	static JsonNode callWith(Api.Session supervisor, String caller, String disposition) {
		return Eventually.value(() -> {
			for (var c : ok(supervisor.get("/api/contact/calls?limit=50"))) {
				if (c.get("caller").asString().endsWith(caller.substring(7)) && c.get("disposition").asString().equals(disposition)) {
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
