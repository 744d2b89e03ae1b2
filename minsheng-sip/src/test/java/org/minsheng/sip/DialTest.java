package org.minsheng.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.sip.testkit.EngineFixture;
import org.minsheng.sip.testkit.Sipp;
import org.minsheng.sip.testkit.Wav;

/** Calls the engine places to citizens through the trunk (callbacks), with sipp as the carrier's gateway. */
class DialTest {

	static final String G711A = Sipp.DTMF_PCAP_DIR + "/g711a.pcap";

	@TempDir
	Path recordings;
	EngineFixture fixture;

	@BeforeEach
	void sippThere() {
		Sipp.assumeInstalled();
	}

	@AfterEach
	void stop() {
		if (fixture != null) fixture.close();
	}

	/** An engine whose trunk is the gateway sipp listens as. */
	private Sipp gateway(String scenario) {
		Sipp gateway = Sipp.scenario(scenario, "127.0.0.1", 5060);
		fixture = EngineFixture.start(SipSettings.loopback(Sipp.freeUdpPort(), recordings)
				.withTrunk(new Trunk("127.0.0.1", gateway.localPort(), "udp", "12345")))
			.account("1001", "pw-1001");
		return gateway;
	}

	@Test
	void callsTheCitizenThroughTheTrunkAndBridgesThemToAnAgentWithARecording() throws Exception {
		Sipp.Running citizen = gateway("gateway-answer").set("number", "13800138000").set("callerId", "12345")
			.set("ring", 500).set("audio", G711A).set("talk", 4000).start();
		Sipp.Running agent = fixture.phone("1001", "pw-1001", "agent-answer")
			.set("ring", 200).set("audio", G711A).start();

		DialResult dialled = fixture.engine().dial("138-0013-8000", Duration.ofSeconds(10));

		assertThat(dialled.outcome()).isEqualTo(DialResult.Outcome.ANSWERED);
		Call call = dialled.call().orElseThrow();
		assertThat(call.caller()).isEqualTo("13800138000");
		assertThat(call.dialled()).isEqualTo("12345");
		assertThat(call.isAnswered()).isTrue();
		assertThat(fixture.engine().activeCalls()).isEqualTo(1);
		BridgeOutcome outcome = call.bridge("1001", Duration.ofSeconds(5), "callback-1");
		assertThat(outcome.result()).isEqualTo(BridgeOutcome.Result.TALKED);
		assertThat(outcome.endedBy()).contains(Party.CALLER);
		Wav wav = Wav.read(outcome.recording().orElseThrow().file());
		assertThat(wav.rmsDbfs(0)).as("the citizen on the left").isGreaterThan(-40);
		assertThat(wav.rmsDbfs(1)).as("the agent on the right").isGreaterThan(-40);
		Sipp.Result gatewaySide = citizen.await();
		assertThat(gatewaySide.passed()).as(gatewaySide.toString()).isTrue();
		assertThat(agent.await().passed()).isTrue();
		assertThat(call.awaitEnd(Duration.ofSeconds(2))).isTrue();
		assertThat(fixture.engine().activeCalls()).isZero();
	}

	@Test
	void transfersACallerToAnOutsideNumberThroughTheTrunk() throws Exception {
		var seen = new java.util.concurrent.ArrayBlockingQueue<BridgeOutcome>(1);
		Sipp.Running department = gateway("gateway-answer").set("number", "01087654321").set("callerId", "12345")
			.set("ring", 300).set("audio", G711A).set("talk", 3000).start();
		fixture.flow(call -> {
			call.answer();
			seen.add(call.bridgeExternal("010-8765-4321", Duration.ofSeconds(10), "external-1"));
		});

		Sipp.Result caller = Sipp.caller("127.0.0.1", fixture.port(), "12345", "13900139000",
				new org.minsheng.sip.testkit.CallerScript().speak(), false).run();

		Sipp.Result outside = department.await();
		assertThat(outside.passed()).as(outside.toString()).isTrue();
		assertThat(caller.passed()).as(caller.toString()).isTrue();
		BridgeOutcome outcome = seen.poll(5, java.util.concurrent.TimeUnit.SECONDS);
		assertThat(outcome.result()).isEqualTo(BridgeOutcome.Result.TALKED);
		assertThat(outcome.agent()).isEqualTo("tel:01087654321");
		assertThat(outcome.endedBy()).as("the outside party hung up first").contains(Party.AGENT);
		Wav wav = Wav.read(outcome.recording().orElseThrow().file());
		assertThat(wav.rmsDbfs(0)).isGreaterThan(-40);
		assertThat(wav.rmsDbfs(1)).isGreaterThan(-40);
	}

	@Test
	void reportsABusyLineAndGivesUpRingingWithCancel() throws Exception {
		Sipp.Running busy = gateway("agent-busy").start();
		DialResult refused = fixture.engine().dial("13800138000", Duration.ofSeconds(5));
		assertThat(refused.outcome()).isEqualTo(DialResult.Outcome.BUSY);
		assertThat(refused.status()).isEqualTo(486);
		assertThat(refused.call()).isEmpty();
		assertThat(busy.await().passed()).isTrue();
		fixture.close();

		Sipp.Running ringing = gateway("gateway-noanswer").start();
		long start = System.nanoTime();
		DialResult unanswered = fixture.engine().dial("13800138000", Duration.ofMillis(1500));
		assertThat(unanswered.outcome()).isEqualTo(DialResult.Outcome.NO_ANSWER);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
		Sipp.Result r = ringing.await();
		assertThat(r.passed()).as("the gateway saw CANCEL: " + r).isTrue();
		assertThat(fixture.engine().activeCalls()).isZero();
	}

	@Test
	void withoutATrunkNothingIsDialled() {
		fixture = EngineFixture.start(recordings);
		assertThat(fixture.engine().dial("13800138000", Duration.ofSeconds(1)).outcome()).isEqualTo(DialResult.Outcome.FAILED);
	}
}
