package org.minsheng.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.sip.testkit.EngineFixture;
import org.minsheng.sip.testkit.RawSip;
import org.minsheng.sip.testkit.Sipp;

class RegistrarTest {

	@TempDir
	Path recordings;
	EngineFixture fixture;

	@BeforeEach
	void start() {
		Sipp.assumeInstalled();
		fixture = EngineFixture.start(recordings).account("1001", "s3cret-1001");
	}

	@AfterEach
	void stop() {
		if (fixture != null) fixture.close();
	}

	private Sipp register(String user, String password, int expires, int expect) {
		return Sipp.scenario("register", "127.0.0.1", fixture.port())
				.set("user", user).set("expires", expires).set("expect", expect).credentials(user, password);
	}

	@Test
	void registersPhoneThatAnswersTheDigestChallenge() {
		Sipp phone = register("1001", "s3cret-1001", 300, 200);
		Sipp.Result result = phone.run();

		assertThat(result.passed()).as(result.toString()).isTrue();
		Registration r = fixture.engine().registration("1001").orElseThrow();
		assertThat(r.source()).isEqualTo("127.0.0.1:" + phone.localPort());
		assertThat(r.contact()).contains("1001@127.0.0.1:" + phone.localPort());
		assertThat(r.transport()).isEqualTo("udp");
		assertThat(r.userAgent()).isEqualTo("sipp-agent");
		assertThat(r.expiresAt()).isBetween(Instant.now().plusSeconds(290), Instant.now().plusSeconds(301));
	}

	@Test
	void registersOverTcp() {
		Sipp.Result result = register("1001", "s3cret-1001", 300, 200).tcp().run();

		assertThat(result.passed()).as(result.toString()).isTrue();
		assertThat(fixture.engine().registration("1001")).get().extracting(Registration::transport).isEqualTo("tcp");
	}

	@Test
	void refusesWrongPasswordWith403() {
		Sipp.Result result = register("1001", "guess", 300, 403).run();

		assertThat(result.passed()).as(result.toString()).isTrue();
		assertThat(fixture.engine().registration("1001")).isEmpty();
		assertThat(fixture.engine().stats().registrationsFailed()).isEqualTo(1);
	}

	@Test
	void refusesUnknownAccountWith403() {
		Sipp.Result result = register("2002", "whatever", 300, 403).run();

		assertThat(result.passed()).as(result.toString()).isTrue();
		assertThat(fixture.engine().registrations()).isEmpty();
	}

	@Test
	void refusesTooShortRegistrationWith423() {
		Sipp.Result result = register("1001", "s3cret-1001", 10, 423).run();

		assertThat(result.passed()).as(result.toString()).isTrue();
		assertThat(fixture.engine().registration("1001")).isEmpty();
	}

	@Test
	void shortensTooLongRegistrationToTheMaximum() {
		Sipp.Result result = register("1001", "s3cret-1001", 86400, 200).run();

		assertThat(result.passed()).as(result.toString()).isTrue();
		assertThat(fixture.engine().registration("1001").orElseThrow().expiresAt())
				.isBefore(Instant.now().plusSeconds(3601));
	}

	@Test
	void unregistersWithExpiresZero() {
		Sipp phone = register("1001", "s3cret-1001", 300, 200);
		assertThat(phone.run().passed()).isTrue();

		Sipp.Result result = register("1001", "s3cret-1001", 0, 200).localPort(phone.localPort()).run();

		assertThat(result.passed()).as(result.toString()).isTrue();
		assertThat(fixture.engine().registration("1001")).isEmpty();
	}

	@Test
	void challengesRegisterWithoutCredentials() {
		try (RawSip phone = new RawSip("127.0.0.1", fixture.port())) {
			phone.send("""
					REGISTER sip:127.0.0.1 SIP/2.0
					Via: SIP/2.0/UDP 127.0.0.1:%1$d;branch=z9hG4bK-noauth
					From: <sip:1001@127.0.0.1>;tag=a1
					To: <sip:1001@127.0.0.1>
					Call-ID: noauth-1
					CSeq: 1 REGISTER
					Contact: <sip:1001@127.0.0.1:%1$d>
					Max-Forwards: 70
					Expires: 300
					Content-Length: 0

					""".formatted(phone.localPort()));

			String response = phone.receive().orElseThrow();
			assertThat(response).startsWith("SIP/2.0 401");
			assertThat(response).containsPattern("WWW-Authenticate: Digest .*realm=\"minsheng\"")
					.contains("qop=\"auth\"").contains("algorithm=MD5");
		}
		assertThat(fixture.engine().registration("1001")).isEmpty();
	}
}
