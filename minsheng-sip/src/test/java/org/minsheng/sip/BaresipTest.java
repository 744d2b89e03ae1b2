package org.minsheng.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.sip.testkit.EngineFixture;
import org.minsheng.sip.testkit.Sipp;
import org.minsheng.sip.testkit.Wav;

/** baresip, a real softphone, calls the engine and speaks a Mandarin sentence from a file; the engine records it. */
class BaresipTest {

	@TempDir
	Path dir;

	EngineFixture fixture;

	@AfterEach
	void stop() {
		if (fixture != null) fixture.close();
	}

	static void assumeBaresip() {
		boolean present = Files.isExecutable(Path.of("/usr/bin/baresip")) && Files.isExecutable(Path.of("/usr/bin/espeak-ng"))
				&& Files.isExecutable(Path.of("/usr/bin/sox"));
		if (!present && "1".equals(System.getenv("MINSHENG_REQUIRE_SIPP"))) {
			throw new IllegalStateException("baresip, espeak-ng and sox are required in CI (apt-get install baresip-core espeak-ng sox)");
		}
		assumeTrue(present, "baresip, espeak-ng or sox not installed");
	}

	static void run(List<String> command) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
	}

	@Test
	void softphoneCallerIsHeardAndRecorded() throws Exception {
		assumeBaresip();
		BlockingQueue<Optional<Recording>> messages = new ArrayBlockingQueue<>(1);
		fixture = EngineFixture.start(dir.resolve("recordings")).flow(call -> {
			call.answer();
			messages.add(call.recordMessage("baresip", Duration.ofSeconds(15), '#'));
		});
		Path speech = dir.resolve("speech.wav");
		run(List.of("espeak-ng", "-v", "cmn-latn-pinyin", "-w", dir.resolve("raw.wav").toString(),
				"您好，我想反映小区门口的路灯坏了两个星期。"));
		run(List.of("sox", dir.resolve("raw.wav").toString(), "-r", "8000", "-c", "1", "-b", "16", speech.toString()));
		Path config = Files.createDirectories(dir.resolve("baresip"));
		Files.writeString(config.resolve("config"), """
				poll_method		epoll
				sip_listen		127.0.0.1:%d
				audio_player		aubridge,nil
				audio_source		aufile,%s
				module_path		/usr/lib/baresip/modules
				module			g711.so
				module			aufile.so
				module			aubridge.so
				module_app		account.so
				module_app		menu.so
				""".formatted(Sipp.freeUdpPort(), speech));
		Files.writeString(config.resolve("accounts"), "<sip:13800138000@127.0.0.1>;regint=0\n");

		Process phone = new ProcessBuilder("baresip", "-f", config.toString(), "-e",
				"/dial sip:12345@127.0.0.1:" + fixture.port(), "-t", "7").redirectErrorStream(true)
			.redirectOutput(dir.resolve("baresip.log").toFile()).start();
		boolean exited = phone.waitFor(20, TimeUnit.SECONDS);
		if (!exited) phone.destroyForcibly();

		Optional<Recording> message = messages.poll(10, TimeUnit.SECONDS);
		assertThat(message).as(Files.readString(dir.resolve("baresip.log"))).isNotNull().isPresent();
		Wav wav = Wav.read(message.get().file());
		assertThat(wav.seconds()).isBetween(2.0, 8.0);
		assertThat(wav.rmsDbfs(0)).as("the softphone's speech").isGreaterThan(-40);
	}
}
