package org.minsheng.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minsheng.contact.ForkedCenter.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.minsheng.sip.testkit.CallerScript;
import org.minsheng.sip.testkit.Sipp;
import org.minsheng.sip.testkit.Wav;
import org.minsheng.testsupport.Eventually;
import org.minsheng.testsupport.ForkedServer;

/**
 * A call in progress when the server is killed: after the restart it has a record, marked
 * INTERRUPTED, and its recording plays up to the crash (its header finished, its SHA-256 beside
 * it), never a file that says it is empty.
 */
class CallCutOffByACrashTest {

	@Test
	void aCallTalkingAtTheKillKeepsItsRecordAndAPlayableRecording() throws Exception {
		Sipp.assumeInstalled();
		var data = Files.createTempDirectory("minsheng-crash-call-");
		var center = new ForkedCenter();
		try (var server = ForkedServer.start(data, 1, center.telephony())) {
			var api = server.api();
			center.open(api, "max_wait: 60s");
			var agentPhone = center.agentPhone("agent-answer").set("ring", 200).set("audio", CallerScript.SPEECH)
				.timeout(Duration.ofSeconds(60)).start();
			var citizen = Sipp.caller("127.0.0.1", center.sipPort, "12345", center.caller,
					new CallerScript().speak().pause(30_000), true).timeout(Duration.ofSeconds(60)).start();
			// talking: the live board has the agent on the call
			Eventually.value(() -> ok(center.supervisor(api).get("/api/contact/live")),
					live -> live.get("agentsByState").get("ON_CALL").asInt() == 1, Duration.ofSeconds(20));
			Thread.sleep(4_000);
			server.kill();
			citizen.kill();
			agentPhone.kill();
		}

		try (var server = ForkedServer.start(data, 2, center.telephony())) {
			var api = server.api();
			var cutOff = center.callOf(api, "INTERRUPTED");
			assertThat(cutOff.get("recorded").asBoolean()).isTrue();
			var detail = ok(center.supervisor(api).get("/api/contact/calls/" + cutOff.get("callId").asString()));
			assertThat(detail.get("recordingSha256").asString()).hasSize(64);
			Path wav;
			try (var files = Files.walk(data.resolve("recordings"))) {
				wav = files.filter(f -> f.getFileName().toString().startsWith("call-")
						&& f.getFileName().toString().endsWith(".wav")).findFirst().orElseThrow();
			}
			assertThat(wav.resolveSibling(wav.getFileName() + ".sha256")).exists();
			var audio = Wav.read(wav);
			assertThat(audio.channels()).isEqualTo(2);
			assertThat(audio.seconds()).as("what reached the disk before the kill").isGreaterThan(1.0);
		}
	}
}
