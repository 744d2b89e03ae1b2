package org.minsheng.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minsheng.contact.ForkedCenter.ok;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minsheng.sip.testkit.CallerScript;
import org.minsheng.sip.testkit.Sipp;
import org.minsheng.testsupport.Eventually;
import org.minsheng.testsupport.ForkedServer;

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
		var center = new ForkedCenter();
		String originalId;
		try (var server = ForkedServer.start(data, 1, center.telephony())) {
			var api = server.api();
			center.open(api, "max_wait: 120s, callback_after: 2s, callback_attempts: 3, callback_retry: 3s");
			// away: nobody can take the call, so the citizen is offered a callback
			ok(center.supervisor(api).post("/api/contact/agents/" + center.agent + "/state",
					Map.of("state", "ON_BREAK", "reason", "会议")));
			var asked = Sipp.caller("127.0.0.1", center.sipPort, "12345", center.caller,
					new CallerScript().pause(3000).keys("1"), false).timeout(Duration.ofSeconds(40)).run();
			assertThat(asked.passed()).as(asked.toString()).isTrue();
			originalId = center.callOf(api, "CALLBACK").get("callId").asString();
			server.kill();
		}

		try (var server = ForkedServer.start(data, 2, center.telephony())) {
			var api = server.api();
			var supervisor = center.supervisor(api);
			var agentPhone = center.agentPhone("agent-answer").set("ring", 300).set("audio", CallerScript.SPEECH).start();
			var citizen = Sipp.scenario("gateway-answer", "127.0.0.1", center.sipPort).localPort(center.gatewayPort)
				.set("number", center.caller).set("callerId", "12345").set("ring", 300).set("audio", CallerScript.SPEECH)
				.set("talk", ContactContract.CITIZEN_CALLED_BACK_TALKS_MILLIS).timeout(Duration.ofSeconds(60)).start();
			center.state(api, "AVAILABLE");

			var answered = citizen.await();
			assertThat(answered.passed()).as(answered.toString()).isTrue();
			var agentAnswered = agentPhone.await();
			assertThat(agentAnswered.passed()).as(agentAnswered.toString()).isTrue();
			var back = Eventually.value(() -> {
				for (var c : ok(supervisor.get("/api/contact/calls?limit=50"))) {
					var detail = ok(supervisor.get("/api/contact/calls/" + c.get("callId").asString()));
					if (originalId.equals(detail.get("callbackOf").asString(null))) return detail;
				}
				return null;
			}, c -> c != null, Duration.ofSeconds(20));
			assertThat(back.get("agent").asString()).isEqualTo(center.agent);
			assertThat(back.get("disposition").asString()).isEqualTo("ANSWERED");
			assertThat(ok(supervisor.get("/api/contact/calls/" + originalId)).get("queueEvents").findValuesAsString("event"))
				.startsWith("ENTERED", "CALLBACK_REQUESTED").endsWith("CALLBACK_ANSWERED");
		}
	}
}
