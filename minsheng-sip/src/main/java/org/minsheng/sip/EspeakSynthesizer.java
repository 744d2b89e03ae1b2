package org.minsheng.sip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Mandarin prompts from {@code espeak-ng} (voice {@code cmn-latn-pinyin}: the plain {@code cmn} voice reads Latin
 * letters as English and mispronounces more), resampled to 8 kHz mono 16-bit with {@code sox}. Both are Debian
 * packages ({@code espeak-ng}, {@code sox}). Robotic, but intelligible and free of any network service.
 */
public final class EspeakSynthesizer implements SpeechSynthesizer {

	private final String voice;
	private final int wordsPerMinute;

	public EspeakSynthesizer() {
		this("cmn-latn-pinyin", 150);
	}

	public EspeakSynthesizer(String voice, int wordsPerMinute) {
		this.voice = voice;
		this.wordsPerMinute = wordsPerMinute;
	}

	@Override
	public String voice() {
		return "espeak-ng/" + voice + "/" + wordsPerMinute;
	}

	@Override
	public AudioClip speak(String text) {
		if (text == null || text.isBlank()) throw new IllegalArgumentException("nothing to say");
		Path dir = null;
		try {
			dir = Files.createTempDirectory("tts-");
			Path raw = dir.resolve("raw.wav");
			Path prompt = dir.resolve("prompt.wav");
			run(List.of("espeak-ng", "-v", voice, "-s", Integer.toString(wordsPerMinute), "-w", raw.toString(),
					"--", text));
			run(List.of("sox", raw.toString(), "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer",
					prompt.toString()));
			return AudioClip.fromWav(text, Files.readAllBytes(prompt));
		} catch (IOException e) {
			throw new SpeechException("espeak-ng or sox is not available (apt-get install espeak-ng sox): "
					+ e.getMessage(), e);
		} finally {
			if (dir != null) deleteQuietly(dir);
		}
	}

	private static void run(List<String> command) throws IOException {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			if (!p.waitFor(30, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new SpeechException(command.getFirst() + " took longer than 30 s", null);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			p.destroyForcibly();
			throw new SpeechException("interrupted while running " + command.getFirst(), e);
		}
		if (p.exitValue() != 0) {
			String out = new String(p.getInputStream().readAllBytes());
			throw new SpeechException(command.getFirst() + " failed (" + p.exitValue() + "): " + out.strip(), null);
		}
	}

	private static void deleteQuietly(Path dir) {
		try (var files = Files.list(dir)) {
			for (Path f : files.toList()) Files.deleteIfExists(f);
			Files.deleteIfExists(dir);
		} catch (IOException ignored) {
			// a temp folder left behind is harmless
		}
	}
}
