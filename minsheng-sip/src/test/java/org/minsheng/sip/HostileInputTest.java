package org.minsheng.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.sip.testkit.EngineFixture;
import org.minsheng.sip.testkit.RawSip;
import org.minsheng.sip.testkit.Sipp;

class HostileInputTest {

	@TempDir
	Path recordings;
	EngineFixture fixture;

	@AfterEach
	void stop() {
		if (fixture != null) fixture.close();
	}

	@Test
	void answersMalformedRequestWith400AndKeepsServing() {
		fixture = EngineFixture.start(recordings);
		try (RawSip client = new RawSip("127.0.0.1", fixture.port())) {
			client.send("""
					OPTIONS sip:127.0.0.1 SIP/2.0
					Via: SIP/2.0/UDP 127.0.0.1:%1$d;branch=z9hG4bK-bad1
					From: <sip:probe@127.0.0.1>;tag=b1
					To: <sip:127.0.0.1>
					Call-ID: malformed-1
					CSeq: 1 OPTIONS
					Max-Forwards: seventy
					Content-Length: 0

					""".formatted(client.localPort()));
			assertThat(client.receive()).get().asString().startsWith("SIP/2.0 400").contains("Max-Forwards: seventy");

			client.send("\u0000\u0001 this is not SIP at all \r\n\r\n");
			client.send(client.options("after-garbage"));
			assertThat(client.receive()).get().asString().startsWith("SIP/2.0 200").contains("after-garbage");
		}
	}

	@Test
	void answersOptionsWithWhatItAllows() {
		fixture = EngineFixture.start(recordings);
		try (RawSip client = new RawSip("127.0.0.1", fixture.port())) {
			client.send(client.options("keepalive-1"));
			String response = client.receive().orElseThrow();
			assertThat(response).startsWith("SIP/2.0 200").contains("Accept: application/sdp");
			String allow = response.lines().filter(l -> l.startsWith("Allow:")).findFirst().orElseThrow();
			assertThat(allow.substring(6).split(",")).extracting(String::strip)
					.containsExactlyInAnyOrder("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "INFO", "REFER", "NOTIFY");
		}
	}

	@Test
	void answersOptionsFromSippOverUdpAndTcp() {
		fixture = EngineFixture.start(recordings);
		Sipp.Result udp = Sipp.scenario("options", "127.0.0.1", fixture.port()).run();
		Sipp.Result tcp = Sipp.scenario("options", "127.0.0.1", fixture.port()).tcp().run();

		assertThat(udp.passed()).as(udp.toString()).isTrue();
		assertThat(tcp.passed()).as(tcp.toString()).isTrue();
	}

	@Test
	void throttlesFloodFromOneAddressWhileServingOthers() throws InterruptedException {
		fixture = EngineFixture.start(SipSettings.loopback(Sipp.freeUdpPort(), recordings).withRequestsPerSecond(20));
		int answered = 0;
		try (RawSip flooder = new RawSip("127.0.0.2", fixture.port())) {
			// 300 requests in about 300 ms: far over 20/s, but paced so the kernel's socket buffer keeps them all
			for (int i = 0; i < 300; i++) {
				flooder.send(flooder.options("flood-" + i));
				Thread.sleep(1);
			}
			flooder.timeoutMillis(500);
			while (flooder.receive().isPresent()) answered++;
		}
		try (RawSip neighbour = new RawSip("127.0.0.1", fixture.port())) {
			neighbour.send(neighbour.options("neighbour-1"));
			Optional<String> response = neighbour.receive();
			assertThat(response).get().asString().startsWith("SIP/2.0 200");
		}
		// the stack works through what it received in the background: wait until it has seen it all
		long deadline = System.nanoTime() + 5_000_000_000L;
		long seen = -1;
		while (System.nanoTime() < deadline && seen != fixture.engine().stats().requests()) {
			seen = fixture.engine().stats().requests();
			Thread.sleep(200);
		}
		var stats = fixture.engine().stats();
		long fromFlooder = stats.requests() - 1;
		assertThat(fromFlooder).as("requests that reached the engine").isGreaterThan(200);
		assertThat(answered).isBetween(1, 80);
		assertThat(stats.throttled()).isGreaterThanOrEqualTo(fromFlooder - 80);
	}
}
