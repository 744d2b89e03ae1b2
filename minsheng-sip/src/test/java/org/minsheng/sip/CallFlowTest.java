package org.minsheng.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.sip.testkit.EngineFixture;
import org.minsheng.sip.testkit.Sipp;
import org.minsheng.sip.testkit.Wav;

class CallFlowTest {

	static final String G711A = Sipp.DTMF_PCAP_DIR + "/g711a.pcap";

	@TempDir
	Path recordings;
	EngineFixture fixture;
	final BlockingQueue<Object> seen = new ArrayBlockingQueue<>(10);

	@BeforeEach
	void start() {
		Sipp.assumeInstalled();
		fixture = EngineFixture.start(recordings).account("1001", "pw-1001").account("1002", "pw-1002");
	}

	@AfterEach
	void stop() {
		if (fixture != null) fixture.close();
	}

	static AudioClip tone(Duration length) {
		short[] s = new short[(int) (length.toMillis() * 8)];
		for (int i = 0; i < s.length; i++) s[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
		return new AudioClip("tone", s);
	}

	@Test
	void refusesCallWithNoCommonCodecWith488() {
		Sipp.Result result = Sipp.scenario("invite-g729", "127.0.0.1", fixture.port()).run();

		assertThat(result.passed()).as(result.toString()).isTrue();
		assertThat(result.messages()).contains("Incompatible media format");
		assertThat(fixture.engine().stats().callsRefusedCodec()).isEqualTo(1);
		assertThat(fixture.engine().stats().callsOffered()).isZero();
	}

	@Test
	void menuHearsTheKeyPressedAsTelephoneEvent() throws Exception {
		fixture.flow(call -> {
			call.answer();
			call.play(tone(Duration.ofSeconds(3)), true);
			seen.add(call.readDigits(1, Duration.ofSeconds(5), Duration.ofSeconds(1), '#'));
			seen.add(call.dialled() + "/" + call.caller() + "/" + call.codec());
			call.hangup();
		});

		Sipp.Result result = Sipp.scenario("caller-dtmf", "127.0.0.1", fixture.port())
				.set("dtmf", Sipp.DTMF_PCAP_DIR + "/dtmf_2833_1.pcap").run();

		assertThat(result.passed()).as(result.toString()).isTrue();
		assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("1");
		assertThat(seen.poll(1, TimeUnit.SECONDS)).isEqualTo("12345/13800138000/PCMU");
		assertThat(fixture.engine().stats().rtpPacketsOut()).isGreaterThan(0);
		assertThat(fixture.engine().activeCalls()).isZero();
	}

	@Test
	void bridgesCallerToRegisteredAgentAndRecordsBothSidesInStereo() throws Exception {
		fixture.flow(call -> {
			call.answer();
			seen.add(call.bridge("1001", Duration.ofSeconds(10), "call-" + call.id().value().hashCode()));
		});
		Sipp.Running agent = registered("1001", "agent-answer").set("ring", 300).set("audio", G711A).start();

		Sipp.Result caller = Sipp.scenario("caller-talk", "127.0.0.1", fixture.port())
				.set("audio", G711A).set("talk", 4000).run();
		Sipp.Result phone = agent.await();

		assertThat(caller.passed()).as(caller.toString()).isTrue();
		assertThat(phone.passed()).as(phone.toString()).isTrue();
		BridgeOutcome outcome = (BridgeOutcome) seen.poll(5, TimeUnit.SECONDS);
		assertThat(outcome.result()).isEqualTo(BridgeOutcome.Result.TALKED);
		assertThat(outcome.endedBy()).contains(Party.CALLER);
		assertThat(outcome.answeredAt()).isPresent();
		Recording recording = outcome.recording().orElseThrow();
		Wav wav = Wav.read(recording.file());
		assertThat(wav.channels()).isEqualTo(2);
		assertThat(wav.sampleRate()).isEqualTo(8000);
		assertThat(wav.seconds()).isBetween(2.5, 4.6);
		assertThat(wav.rmsDbfs(0)).as("caller channel level").isGreaterThan(-40);
		assertThat(wav.rmsDbfs(1)).as("agent channel level").isGreaterThan(-40);
		String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(recording.file())));
		assertThat(recording.sha256()).isEqualTo(sha);
		assertThat(Files.readString(recording.file().resolveSibling(recording.file().getFileName() + ".sha256")))
				.startsWith(sha);
	}

	private Sipp registered(String user, String scenario) {
		return fixture.phone(user, "pw-" + user, scenario);
	}

	@Test
	void ringAllConnectsTheFirstPhoneToAnswer() throws Exception {
		fixture.flow(call -> {
			call.answer();
			seen.add(call.bridgeFirst(java.util.List.of("1001", "1002"), Duration.ofSeconds(10), null));
		});
		Sipp.Running busy = registered("1001", "agent-busy").start();
		Sipp.Running answering = registered("1002", "agent-answer").set("ring", 200).set("audio", G711A).start();

		Sipp.Result caller = Sipp.scenario("caller-talk", "127.0.0.1", fixture.port())
				.set("audio", G711A).set("talk", 1500).run();

		assertThat(caller.passed()).as(caller.toString()).isTrue();
		assertThat(busy.await().passed()).isTrue();
		Sipp.Result phone = answering.await();
		assertThat(phone.passed()).as(phone.toString()).isTrue();
		BridgeOutcome outcome = (BridgeOutcome) seen.poll(5, TimeUnit.SECONDS);
		assertThat(outcome.result()).isEqualTo(BridgeOutcome.Result.TALKED);
		assertThat(outcome.agent()).isEqualTo("1002");
	}

	@Test
	void recordsAVoiceMessageUntilTheCallerHangsUp() throws Exception {
		fixture.flow(call -> {
			call.answer();
			seen.add(call.recordMessage("message-1", Duration.ofSeconds(20), '#'));
		});

		Sipp.Result caller = Sipp.scenario("caller-talk", "127.0.0.1", fixture.port())
				.set("audio", G711A).set("talk", 3000).run();

		assertThat(caller.passed()).as(caller.toString()).isTrue();
		@SuppressWarnings("unchecked")
		var message = (java.util.Optional<Recording>) seen.poll(5, TimeUnit.SECONDS);
		Wav wav = Wav.read(message.orElseThrow().file());
		assertThat(wav.channels()).isEqualTo(1);
		assertThat(wav.seconds()).isBetween(2.0, 3.5);
		assertThat(wav.rmsDbfs(0)).isGreaterThan(-40);
	}

	@Test
	void reportsAgentPhoneThatDeclines() throws Exception {
		fixture.flow(call -> {
			call.answer();
			seen.add(call.bridge("1001", Duration.ofSeconds(10), null));
			call.readDigits(1, Duration.ofSeconds(5), Duration.ofSeconds(1), '#'); // the caller presses a key, then hears BYE
			call.hangup();
		});
		Sipp.Running agent = registered("1001", "agent-busy").start();

		Sipp.Result caller = Sipp.scenario("caller-dtmf", "127.0.0.1", fixture.port())
				.set("dtmf", Sipp.DTMF_PCAP_DIR + "/dtmf_2833_1.pcap").run();

		assertThat(caller.passed()).as(caller.toString()).isTrue();
		assertThat(agent.await().passed()).isTrue();
		BridgeOutcome outcome = (BridgeOutcome) seen.poll(5, TimeUnit.SECONDS);
		assertThat(outcome.result()).isEqualTo(BridgeOutcome.Result.REJECTED);
	}

	@Test
	void reportsAgentWithoutRegisteredPhoneAsUnreachable() throws Exception {
		fixture.flow(call -> {
			call.answer();
			seen.add(call.bridge("1001", Duration.ofSeconds(10), null));
			call.readDigits(1, Duration.ofSeconds(5), Duration.ofSeconds(1), '#'); // the caller presses a key, then hears BYE
			call.hangup();
		});

		Sipp.Result caller = Sipp.scenario("caller-dtmf", "127.0.0.1", fixture.port())
				.set("dtmf", Sipp.DTMF_PCAP_DIR + "/dtmf_2833_1.pcap").run();

		assertThat(caller.passed()).as(caller.toString()).isTrue();
		assertThat(((BridgeOutcome) seen.poll(5, TimeUnit.SECONDS)).result()).isEqualTo(BridgeOutcome.Result.UNREACHABLE);
	}
}
