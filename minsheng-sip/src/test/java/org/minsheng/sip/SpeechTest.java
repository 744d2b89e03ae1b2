package org.minsheng.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechTest {

	static void assumeEspeak() {
		boolean present = Files.isExecutable(Path.of("/usr/bin/espeak-ng")) && Files.isExecutable(Path.of("/usr/bin/sox"));
		if (!present && "1".equals(System.getenv("MINSHENG_REQUIRE_SIPP"))) {
			throw new IllegalStateException("espeak-ng and sox are required in CI");
		}
		assumeTrue(present, "espeak-ng or sox not installed");
	}

	@Test
	void speaksMandarinAs8kMonoPrompt() {
		assumeEspeak();
		AudioClip clip = new EspeakSynthesizer().speak("您好，这里是幺二三四五政务服务便民热线");

		assertThat(clip.length().toMillis()).isBetween(2000L, 10000L);
		double sum = 0;
		for (short s : clip.samples()) sum += (double) s * s;
		assertThat(Math.sqrt(sum / clip.samples().length)).as("RMS").isGreaterThan(300);
	}

	@Test
	void makesEachPromptOnceAndKeepsItOnDisk(@TempDir Path cache) {
		AtomicInteger made = new AtomicInteger();
		SpeechSynthesizer counting = new SpeechSynthesizer() {
			@Override public String voice() { return "test"; }
			@Override public AudioClip speak(String text) {
				made.incrementAndGet();
				return new AudioClip(text, new short[] {1, 2, 3});
			}
		};
		CachingSynthesizer first = new CachingSynthesizer(counting, cache);
		first.speak("请稍候");
		first.speak("请稍候");
		CachingSynthesizer afterRestart = new CachingSynthesizer(counting, cache);
		AudioClip again = afterRestart.speak("请稍候");

		assertThat(made).hasValue(1);
		assertThat(again.samples()).containsExactly(1, 2, 3);
		assertThat(afterRestart.fileFor("请稍候")).exists();
		assertThat(afterRestart.fileFor("另一句")).doesNotExist();
	}
}
