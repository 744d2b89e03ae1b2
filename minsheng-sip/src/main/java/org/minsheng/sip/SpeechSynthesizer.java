package org.minsheng.sip;

/**
 * Turns text into a prompt (8 kHz mono). The default is {@link EspeakSynthesizer}, which runs on the machine; a cloud
 * speech service can sit behind the same interface. Wrap either in {@link CachingSynthesizer} so a prompt is made
 * once per text.
 */
public interface SpeechSynthesizer {

	/** A name that changes when the voice changes, so cached prompts of another voice are not reused. */
	String voice();

	AudioClip speak(String text);
}
