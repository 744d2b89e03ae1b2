package org.minsheng.sip.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.minsheng.sip.CachingSynthesizer;
import org.minsheng.sip.Recording;

/** A voice message: the caller's audio in RTP-timestamp order, gaps left silent, kept in memory (minutes at most). */
final class MonoRecorder {

	private short[] samples = new short[8000 * 10];
	private int length;
	private long firstTimestamp = -1;

	synchronized void write(long timestamp, short[] pcm) {
		if (firstTimestamp < 0) firstTimestamp = timestamp;
		long at = (int) (timestamp - firstTimestamp);
		if (at < 0 || at > 8000L * 600) return;
		int end = (int) at + pcm.length;
		if (end > samples.length) samples = java.util.Arrays.copyOf(samples, Math.max(end, samples.length * 2));
		System.arraycopy(pcm, 0, samples, (int) at, pcm.length);
		length = Math.max(length, end);
	}

	synchronized boolean isEmpty() {
		return length == 0;
	}

	synchronized Recording writeTo(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			byte[] wav = CachingSynthesizer.wav(java.util.Arrays.copyOf(samples, length));
			Files.write(file, wav);
			return Recordings.seal(file, Duration.ofMillis(length / 8));
		} catch (IOException e) {
			throw new UncheckedIOException("cannot write voice message " + file, e);
		}
	}
}
