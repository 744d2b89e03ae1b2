package org.minsheng.sip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Audio to play: 8 kHz mono linear PCM. Read from WAV files that are 8 kHz mono 16-bit PCM (what {@code sox} makes
 * with {@code -r 8000 -c 1 -b 16}); other formats are refused with a message that says how to convert them.
 */
public record AudioClip(String name, short[] samples) {

	public static final int SAMPLE_RATE = 8000;

	public Duration length() {
		return Duration.ofMillis(samples.length * 1000L / SAMPLE_RATE);
	}

	public static AudioClip silence(Duration length) {
		return new AudioClip("silence", new short[(int) (length.toMillis() * SAMPLE_RATE / 1000)]);
	}

	public static AudioClip fromWav(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return fromWav(file.getFileName().toString(), in.readAllBytes());
		}
	}

	public static AudioClip fromWav(String name, byte[] wav) {
		ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
		if (wav.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
			throw new IllegalArgumentException(name + " is not a WAV file");
		}
		int pos = 12;
		int channels = 0, rate = 0, bits = 0, format = 0;
		while (pos + 8 <= wav.length) {
			int id = b.getInt(pos);
			int size = b.getInt(pos + 4);
			int body = pos + 8;
			if (id == 0x20746d66) { // "fmt "
				format = b.getShort(body) & 0xffff;
				channels = b.getShort(body + 2);
				rate = b.getInt(body + 4);
				bits = b.getShort(body + 14);
			} else if (id == 0x61746164) { // "data"
				if (format != 1 || channels != 1 || rate != SAMPLE_RATE || bits != 16) {
					throw new IllegalArgumentException(name + " is " + rate + " Hz, " + channels + " channel(s), "
							+ bits + " bit (format " + format + "); prompts must be 8000 Hz mono 16-bit PCM: "
							+ "sox in.wav -r 8000 -c 1 -b 16 out.wav");
				}
				int length = Math.min(size, wav.length - body) / 2;
				short[] samples = new short[length];
				b.position(body);
				b.asShortBuffer().get(samples);
				return new AudioClip(name, samples);
			}
			pos = body + size + (size & 1);
		}
		throw new IllegalArgumentException(name + " has no data chunk");
	}
}
