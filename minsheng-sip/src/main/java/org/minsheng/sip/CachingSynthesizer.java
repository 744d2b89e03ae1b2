package org.minsheng.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each prompt as a WAV file named by the SHA-256 of voice and text, so a text is synthesized once, survives
 * restarts, and can be listened to or replaced by a recorded human voice of the same name.
 */
public final class CachingSynthesizer implements SpeechSynthesizer {

	private final SpeechSynthesizer inner;
	private final Path directory;
	private final Map<String, AudioClip> memory = new ConcurrentHashMap<>();

	public CachingSynthesizer(SpeechSynthesizer inner, Path directory) {
		this.inner = inner;
		this.directory = directory;
	}

	@Override
	public String voice() {
		return inner.voice();
	}

	/** The file a text's prompt is kept in. */
	public Path fileFor(String text) {
		return directory.resolve(key(text) + ".wav");
	}

	@Override
	public AudioClip speak(String text) {
		String key = key(text);
		AudioClip cached = memory.get(key);
		if (cached != null) return cached;
		Path file = directory.resolve(key + ".wav");
		try {
			AudioClip clip;
			if (Files.exists(file)) {
				clip = AudioClip.fromWav(file);
			} else {
				clip = inner.speak(text);
				Files.createDirectories(directory);
				Path tmp = Files.createTempFile(directory, key, ".tmp");
				Files.write(tmp, wav(clip.samples()));
				try {
					Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
				} catch (AtomicMoveNotSupportedException e) {
					Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			AudioClip named = new AudioClip(text, clip.samples());
			if (memory.size() < 10_000) memory.put(key, named);
			return named;
		} catch (IOException e) {
			throw new UncheckedIOException("prompt cache " + directory, e);
		}
	}

	private String key(String text) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(inner.voice().getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			sha.update(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest(), 0, 16);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** An 8 kHz mono 16-bit WAV of the samples. */
	public static byte[] wav(short[] samples) {
		ByteBuffer b = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(0x46464952).putInt(36 + samples.length * 2).putInt(0x45564157)
				.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
				.putShort((short) 2).putShort((short) 16).putInt(0x61746164).putInt(samples.length * 2);
		for (short s : samples) b.putShort(s);
		return b.array();
	}
}
