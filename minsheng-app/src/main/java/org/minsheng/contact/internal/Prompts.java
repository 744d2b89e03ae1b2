package org.minsheng.contact.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.minsheng.sip.AudioClip;
import org.minsheng.sip.CachingSynthesizer;
import org.minsheng.sip.EspeakSynthesizer;
import org.minsheng.sip.SpeechException;
import org.minsheng.sip.SpeechSynthesizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What callers hear: texts spoken by the speech synthesizer (cached under the data folder), music on
 * hold, and numbers read the way phone lines read them (1 as 幺). When the synthesizer is missing,
 * the caller hears a short tone instead of silence and the log says why, once.
 */
final class Prompts {

	private static final Logger log = LoggerFactory.getLogger(Prompts.class);

	private static final String DIGITS = "零幺二三四五六七八九";

	private final SpeechSynthesizer speech;

	private final AudioClip music = music();

	private volatile boolean warned;

	Prompts(SpeechSynthesizer speech) {
		this.speech = speech;
	}

	static Prompts espeak(Path cache) {
		return new Prompts(new CachingSynthesizer(new EspeakSynthesizer(), cache));
	}

	AudioClip say(String text) {
		try {
			return speech.speak(text);
		}
		catch (SpeechException e) {
			if (!warned) {
				warned = true;
				log.warn("Prompts cannot be spoken, callers hear a tone instead: {}", e.getMessage());
			}
			return tone(Duration.ofMillis(400), 660);
		}
	}

	AudioClip musicOnHold() {
		return music;
	}

	/** Digits one by one, as an operator reads a number: 20261123 → 二零二六幺幺二三. */
	static String spell(String digits) {
		var out = new StringBuilder();
		for (char c : digits.toCharArray()) {
			out.append(c >= '0' && c <= '9' ? DIGITS.charAt(c - '0') : c);
		}
		return out.toString();
	}

	static AudioClip tone(Duration length, double hz) {
		var s = new short[(int) (length.toMillis() * 8)];
		for (int i = 0; i < s.length; i++) {
			double envelope = Math.min(1, Math.min(i, s.length - i) / 400.0);
			s[i] = (short) (6000 * envelope * Math.sin(2 * Math.PI * hz * i / 8000));
		}
		return new AudioClip("tone", s);
	}

	/** A calm arpeggio, generated so no recording's licence is involved: ten seconds, looped. */
	private static AudioClip music() {
		double[] notes = { 261.63, 329.63, 392.00, 523.25, 392.00, 329.63, 293.66, 349.23, 440.00, 349.23 };
		int per = 8000; // one second a note
		var s = new short[notes.length * per];
		for (int n = 0; n < notes.length; n++) {
			for (int i = 0; i < per; i++) {
				double envelope = Math.exp(-3.0 * i / per) * Math.min(1, i / 80.0);
				double t = (double) i / 8000;
				double v = Math.sin(2 * Math.PI * notes[n] * t) + 0.3 * Math.sin(2 * Math.PI * notes[n] * 2 * t);
				s[n * per + i] = (short) (3500 * envelope * v);
			}
		}
		return new AudioClip("music-on-hold", s);
	}
}
