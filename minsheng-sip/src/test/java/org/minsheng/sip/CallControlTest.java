package org.minsheng.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.sip.testkit.CallerScript;
import org.minsheng.sip.testkit.EngineFixture;
import org.minsheng.sip.testkit.RtpProbe;
import org.minsheng.sip.testkit.Sipp;
import org.minsheng.sip.testkit.Wav;

/** Early media, hold with music, and recording a call as the caller hears it, through sipp and an RTP probe. */
class CallControlTest {

	static final String G711A = Sipp.DTMF_PCAP_DIR + "/g711a.pcap";

	@TempDir
	Path recordings;
	EngineFixture fixture;
	RtpProbe probe;
	final BlockingQueue<Object> seen = new ArrayBlockingQueue<>(10);

	@BeforeEach
	void start() {
		Sipp.assumeInstalled();
		fixture = EngineFixture.start(recordings).account("1001", "pw-1001").account("1002", "pw-1002");
		probe = RtpProbe.open();
	}

	@AfterEach
	void stop() {
		if (probe != null) probe.close();
		if (fixture != null) fixture.close();
	}

	static AudioClip tone(Duration length, double hz) {
		short[] s = new short[(int) (length.toMillis() * 8)];
		for (int i = 0; i < s.length; i++) s[i] = (short) (8000 * Math.sin(2 * Math.PI * hz * i / 8000.0));
		return new AudioClip("tone", s);
	}

	/** The share of the signal's power at {@code hz} (Goertzel): near 1 for a pure tone, small for speech. */
	static double toneShare(List<RtpProbe.Packet> packets, double hz) {
		int n = packets.stream().mapToInt(p -> p.samples().length).sum();
		double coeff = 2 * Math.cos(2 * Math.PI * hz / 8000.0), s1 = 0, s2 = 0, total = 0;
		for (RtpProbe.Packet p : packets) {
			for (short v : p.samples()) {
				double s0 = v + coeff * s1 - s2;
				s2 = s1;
				s1 = s0;
				total += (double) v * v;
			}
		}
		double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
		return total == 0 ? 0 : 2 * power / n / total;
	}

	private Sipp registered(String user, String scenario) {
		return fixture.phone(user, "pw-" + user, scenario);
	}

	@Test
	void earlyMediaReachesTheCallerBeforeAnyAnswerAndTheRefusalIsNeverAnswered() throws Exception {
		fixture.flow(call -> {
			call.progress();
			call.play(tone(Duration.ofMillis(1500), 440), false);
			seen.add(call.isAnswered());
			call.hangup();
		});

		Sipp.Result caller = Sipp.scenario("caller-early", "127.0.0.1", fixture.port())
				.set("number", "12345001").set("media", probe.port()).set("final", 480).run();

		assertThat(caller.passed()).as(caller.toString()).isTrue();
		assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo(false);
		assertThat(caller.messages()).doesNotContain("SIP/2.0 200 OK");
		List<RtpProbe.Packet> heard = probe.packets();
		assertThat(heard.size()).as("20 ms packets of a 1.5 s announcement").isBetween(70, 80);
		assertThat(toneShare(heard, 440)).isGreaterThan(0.9);
	}

	@Test
	void agentPhoneHoldingPlaysMusicToTheCallerUntilItTakesTheCallBack() throws Exception {
		fixture.flow(call -> {
			call.answer();
			call.holdMusic(tone(Duration.ofSeconds(1), 523));
			seen.add(call.bridge("1001", Duration.ofSeconds(10), null));
		});
		Sipp.Running phone = registered("1001", "agent-hold").set("talk", 1000).set("hold", 2000).set("after", 1500)
				.start();

		Sipp.Result caller = Sipp.caller("127.0.0.1", fixture.port(), "12345", "13900139000", new CallerScript(), false)
				.media(probe).run();

		Sipp.Result agent = phone.await();
		assertThat(agent.passed()).as(agent.toString()).isTrue();
		assertThat(caller.passed()).as(caller.toString()).isTrue();
		BridgeOutcome outcome = (BridgeOutcome) seen.poll(5, TimeUnit.SECONDS);
		assertThat(outcome.result()).isEqualTo(BridgeOutcome.Result.TALKED);
		assertThat(outcome.endedBy()).contains(Party.AGENT);
		assertThat(outcome.held()).isBetween(Duration.ofMillis(1700), Duration.ofMillis(2600));
		// the phone sends nothing itself: all the caller heard is the music, for as long as the hold lasted
		List<RtpProbe.Packet> heard = probe.packets();
		assertThat(heard).isNotEmpty();
		double span = (heard.getLast().atNanos() - heard.getFirst().atNanos()) / 1e9;
		assertThat(span).isBetween(1.6, 2.6);
		assertThat(toneShare(heard, 523)).isGreaterThan(0.9);
	}

	@Test
	void consoleHoldSilencesTheAgentForTheCallerAndPlaysMusicInstead() throws Exception {
		fixture.flow(call -> {
			call.answer();
			call.holdMusic(tone(Duration.ofSeconds(1), 523));
			seen.add(call.bridgeFirst(List.of("1001"), Duration.ofSeconds(10), null, agent ->
					Thread.ofVirtual().start(() -> {
						try {
							Thread.sleep(1500);
							seen.add(call.hold(true));
							seen.add(probe.elapsed());
							Thread.sleep(2000);
							seen.add(call.isHeld());
							call.hold(false);
							seen.add(probe.elapsed());
						} catch (InterruptedException e) {
							Thread.currentThread().interrupt();
						}
					})));
		});
		Sipp.Running phone = registered("1001", "agent-answer").set("ring", 100).set("audio", G711A).start();

		Sipp.Result caller = Sipp.caller("127.0.0.1", fixture.port(), "12345", "13900139000",
				new CallerScript().pause(6000), true).media(probe).run();

		assertThat(caller.passed()).as(caller.toString()).isTrue();
		assertThat(phone.await().passed()).isTrue();
		assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo(true);
		Duration heldAt = (Duration) seen.poll(1, TimeUnit.SECONDS);
		assertThat(seen.poll(3, TimeUnit.SECONDS)).isEqualTo(true);
		Duration resumedAt = (Duration) seen.poll(1, TimeUnit.SECONDS);
		BridgeOutcome outcome = (BridgeOutcome) seen.poll(5, TimeUnit.SECONDS);
		assertThat(outcome.held()).isBetween(Duration.ofMillis(1800), Duration.ofMillis(2300));

		List<RtpProbe.Packet> before = probe.between(heldAt.minusMillis(1000), heldAt.minusMillis(100));
		List<RtpProbe.Packet> during = probe.between(heldAt.plusMillis(200), resumedAt.minusMillis(200));
		List<RtpProbe.Packet> after = probe.between(resumedAt.plusMillis(200), resumedAt.plusMillis(1200));
		assertThat(toneShare(before, 523)).as("the agent's speech before the hold").isLessThan(0.2);
		assertThat(toneShare(during, 523)).as("only the music while held").isGreaterThan(0.9);
		assertThat(during.size()).as("one stream, not music and speech interleaved").isBetween(70, 85);
		assertThat(toneShare(after, 523)).as("the agent again after").isLessThan(0.2);
		assertThat(probe.rmsDbfs(resumedAt.plusMillis(200), resumedAt.plusMillis(1200))).isGreaterThan(-40);
	}

	/** Consults 1002 one second into the talk with 1001, then runs {@code then} on the consult (the flow's thread goes on). */
	private void consultAfterASecond(java.util.function.Function<Call, Object> then) {
		fixture.flow(call -> {
			call.answer();
			call.holdMusic(tone(Duration.ofSeconds(1), 523));
			call.talkListener(new TalkListener() {
				@Override
				public void consultEnded(String agent) {
					seen.add("consult ended " + agent);
				}

				@Override
				public void handedOver(String from, String fromCallId, String to, String toCallId) {
					seen.add("handed over " + from + ">" + to);
				}
			});
			seen.add(call.bridgeFirst(List.of("1001"), Duration.ofSeconds(10), "consult-" + System.nanoTime(), agent ->
					Thread.ofVirtual().start(() -> {
						try {
							Thread.sleep(1000);
							seen.add(probe.elapsed());
							seen.add(call.consult("1002", Duration.ofSeconds(5)));
							seen.add(probe.elapsed());
							seen.add(then.apply(call));
							seen.add(probe.elapsed());
						} catch (InterruptedException e) {
							Thread.currentThread().interrupt();
						}
					})));
		});
	}

	@Test
	void consultThenTransferHandsTheCallerToTheSecondAgent() throws Exception {
		consultAfterASecond(call -> {
			sleep(1500);
			return call.completeTransfer();
		});
		Sipp.Running first = registered("1001", "agent-answer").set("ring", 100).set("audio", G711A).start();
		Sipp.Running second = registered("1002", "agent-answer").set("ring", 300).set("audio", G711A).start();

		Sipp.Result caller = Sipp.caller("127.0.0.1", fixture.port(), "12345", "13900139000",
				new CallerScript().pause(7000), true).media(probe).run();

		assertThat(caller.passed()).as(caller.toString()).isTrue();
		assertThat(first.await().passed()).as("the first agent's phone is hung up").isTrue();
		assertThat(second.await().passed()).isTrue();
		Duration consultAt = (Duration) seen.poll(5, TimeUnit.SECONDS);
		assertThat(seen.poll(5, TimeUnit.SECONDS)).as("the second agent answered").isEqualTo(true);
		Duration answeredAt = (Duration) seen.poll(1, TimeUnit.SECONDS);
		// the handover is told on the engine's thread, in any order with what the consulting thread reports
		List<Object> next = List.of(seen.poll(3, TimeUnit.SECONDS), seen.poll(1, TimeUnit.SECONDS), seen.poll(1, TimeUnit.SECONDS));
		assertThat(next).contains("handed over 1001>1002", true);
		Duration transferredAt = next.stream().filter(Duration.class::isInstance).map(Duration.class::cast).findFirst().orElseThrow();
		BridgeOutcome outcome = (BridgeOutcome) seen.poll(5, TimeUnit.SECONDS);
		assertThat(outcome.result()).isEqualTo(BridgeOutcome.Result.TALKED);
		assertThat(outcome.agent()).isEqualTo("1002");
		assertThat(outcome.endedBy()).contains(Party.CALLER);

		// the caller heard the first agent, music while they consulted, then the second agent
		assertThat(toneShare(probe.between(consultAt.plusMillis(200), answeredAt.plusMillis(1200)), 523)).isGreaterThan(0.9);
		List<RtpProbe.Packet> after = probe.between(transferredAt.plusMillis(300), transferredAt.plusMillis(2300));
		assertThat(toneShare(after, 523)).isLessThan(0.2);
		assertThat(probe.rmsDbfs(transferredAt.plusMillis(300), transferredAt.plusMillis(2300))).isGreaterThan(-40);
		Wav wav = Wav.read(outcome.recording().orElseThrow().file());
		assertThat(wav.rmsDbfs(1, wav.seconds() - 2.5, wav.seconds() - 0.5)).as("the second agent in the recording")
			.isGreaterThan(-40);
	}

	@Test
	void conferenceLetsAllThreeTalkAndEndingTheConsultBringsTheFirstAgentBack() throws Exception {
		consultAfterASecond(call -> {
			boolean joined = call.conference();
			sleep(2000);
			seen.add(joined);
			return call.endConsult();
		});
		Sipp.Running first = registered("1001", "agent-answer").set("ring", 100).set("audio", G711A).start();
		Sipp.Running second = registered("1002", "agent-answer").set("ring", 300).set("audio", G711A).start();

		Sipp.Result caller = Sipp.caller("127.0.0.1", fixture.port(), "12345", "13900139000",
				new CallerScript().pause(6000), true).media(probe).run();

		assertThat(caller.passed()).as(caller.toString()).isTrue();
		assertThat(second.await().passed()).as("the consulted agent is hung up").isTrue();
		assertThat(first.await().passed()).isTrue();
		seen.poll(5, TimeUnit.SECONDS);
		assertThat(seen.poll(5, TimeUnit.SECONDS)).as("the second agent answered").isEqualTo(true);
		Duration joinedAt = (Duration) seen.poll(1, TimeUnit.SECONDS);
		assertThat(seen.poll(3, TimeUnit.SECONDS)).as("conference started").isEqualTo(true);
		List<Object> next = List.of(seen.poll(3, TimeUnit.SECONDS), seen.poll(1, TimeUnit.SECONDS), seen.poll(1, TimeUnit.SECONDS));
		assertThat(next).contains("consult ended 1002", true);
		Duration endedAt = next.stream().filter(Duration.class::isInstance).map(Duration.class::cast).findFirst().orElseThrow();
		BridgeOutcome outcome = (BridgeOutcome) seen.poll(5, TimeUnit.SECONDS);
		assertThat(outcome.agent()).isEqualTo("1001");
		assertThat(outcome.endedBy()).contains(Party.CALLER);

		// in the conference the caller hears both agents as one stream (one packet each 20 ms), no music
		List<RtpProbe.Packet> mixed = probe.between(joinedAt.plusMillis(300), joinedAt.plusMillis(1300));
		// one stream: every packet's RTP time follows the one before (two streams would interleave or double up);
		// how many arrive in the second depends on the machine's load, so only "some, never two streams' worth"
		assertThat(mixed.size()).isBetween(10, 60);
		for (int i = 1; i < mixed.size(); i++) {
			assertThat(mixed.get(i).timestamp()).as("packet %d follows the one before", i)
				.isGreaterThan(mixed.get(i - 1).timestamp());
		}
		assertThat(toneShare(mixed, 523)).isLessThan(0.2);
		assertThat(probe.rmsDbfs(joinedAt.plusMillis(300), joinedAt.plusMillis(1300))).isGreaterThan(-40);
		// and the first agent again afterwards
		assertThat(probe.rmsDbfs(endedAt.plusMillis(300), endedAt.plusMillis(1300))).isGreaterThan(-40);
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void recordsTheCallAsTheCallerLivesItWithPromptsWhereTheyWerePlayed() throws Exception {
		fixture.flow(call -> {
			call.answer();
			call.startRecording("ivr/call-1");
			try {
				call.play(tone(Duration.ofSeconds(1), 440), false);
				call.readDigits(1, Duration.ofMillis(1500), Duration.ofMillis(1500), '#');
				call.play(tone(Duration.ofSeconds(1), 440), false);
				call.readDigits(1, Duration.ofSeconds(20), Duration.ofSeconds(1), '#');
			} finally {
				seen.add(call.stopRecording());
			}
		});

		Sipp.Result caller = Sipp.scenario("caller-talk", "127.0.0.1", fixture.port())
				.set("audio", G711A).set("talk", 5000).run();

		assertThat(caller.passed()).as(caller.toString()).isTrue();
		@SuppressWarnings("unchecked")
		Optional<Recording> recording = (Optional<Recording>) seen.poll(5, TimeUnit.SECONDS);
		Wav wav = Wav.read(recording.orElseThrow().file());
		assertThat(wav.channels()).isEqualTo(2);
		assertThat(wav.seconds()).isBetween(4.0, 5.6);
		assertThat(wav.rmsDbfs(0)).as("what the caller said").isGreaterThan(-40);
		assertThat(wav.rmsDbfs(1, 0.1, 0.9)).as("first prompt").isGreaterThan(-20);
		assertThat(wav.rmsDbfs(1, 1.2, 2.3)).as("the pause between prompts stays where it was").isLessThan(-60);
		assertThat(wav.rmsDbfs(1, 2.7, 3.3)).as("second prompt").isGreaterThan(-20);
		assertThat(recording.get().sha256()).hasSize(64);
	}
}
