package org.minsheng.sip.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.minsheng.sip.Recording;

/**
 * Writes a bridged call to a stereo 8 kHz 16-bit WAV while it goes on: caller on the left, agent on the right.
 *
 * <p>Each channel's audio is placed by time, not by arrival order: a leg's first packet is placed at the moment it
 * arrived (relative to the start of the recording) and later packets by their RTP timestamp from there, so jitter
 * and lost packets do not shift one party against the other. A window of two seconds is held in memory; older
 * frames go to disk (a gap left by a lost packet stays silent), so memory per call stays flat however long it lasts.
 */
final class StereoRecorder implements AutoCloseable {

	private static final int RATE = 8000;
	private static final int WINDOW = 2 * RATE;
	private static final int HEADER = 44;

	private final Path file;
	private final FileChannel out;
	final long startNanos = System.nanoTime();
	private final short[] window = new short[WINDOW * 2]; // interleaved L,R ring
	private final ByteBuffer io = ByteBuffer.allocate(WINDOW * 4).order(ByteOrder.LITTLE_ENDIAN);
	private final long[] firstIndex = {-1, -1};
	private final long[] firstTimestamp = new long[2];
	private long flushed;      // frames written to disk
	private long highest;      // one past the last frame written into the window
	private boolean closed;

	StereoRecorder(Path file) {
		this.file = file;
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
					StandardOpenOption.WRITE, StandardOpenOption.READ);
			out.write(header(0), 0);
			out.position(HEADER);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot record to " + file, e);
		}
	}

	/** Audio of one channel (0 = caller, 1 = agent) with its RTP timestamp and arrival time. */
	synchronized void write(int channel, long rtpTimestamp, short[] pcm, long arrivedNanos) {
		if (closed) return;
		long index;
		if (firstIndex[channel] < 0) {
			firstIndex[channel] = Math.max(0, (arrivedNanos - startNanos) * RATE / 1_000_000_000L);
			firstTimestamp[channel] = rtpTimestamp;
			index = firstIndex[channel];
		} else {
			// signed: a packet overtaken by the first one lands just before it
			index = firstIndex[channel] + (int) (rtpTimestamp - firstTimestamp[channel]);
		}
		int skip = 0;
		if (index < flushed) skip = (int) Math.min(pcm.length, flushed - index); // too late: already on disk
		if (skip == pcm.length) return;
		long end = index + pcm.length;
		if (end - flushed > WINDOW) flush(end - WINDOW);
		for (int i = skip; i < pcm.length; i++) {
			int slot = (int) ((index + i) % WINDOW);
			window[slot * 2 + channel] = pcm[i];
		}
		highest = Math.max(highest, end);
	}

	/**
	 * The channel's audio comes from another source from now on (another agent after a transfer, the conference
	 * mix): its next packet is placed by its arrival time again, since the new source's timestamps are its own.
	 */
	synchronized void rebase(int channel) {
		firstIndex[channel] = -1;
	}

	private void flush(long upTo) {
		try {
			while (flushed < upTo) {
				io.clear();
				long n = Math.min(upTo - flushed, WINDOW);
				for (long f = flushed; f < flushed + n; f++) {
					int slot = (int) (f % WINDOW);
					io.putShort(window[slot * 2]).putShort(window[slot * 2 + 1]);
					window[slot * 2] = 0;
					window[slot * 2 + 1] = 0;
				}
				io.flip();
				while (io.hasRemaining()) out.write(io);
				flushed += n;
			}
		} catch (IOException e) {
			throw new UncheckedIOException("cannot record to " + file, e);
		}
	}

	/** Finishes the file, writes its SHA-256 beside it ({@code <file>.sha256}) and describes it. */
	synchronized Recording finish() {
		if (closed) throw new IllegalStateException("recording already finished");
		closed = true;
		try {
			flush(highest);
			out.write(header(flushed * 4), 0);
			out.force(true);
			out.close();
			return Recordings.seal(file, Duration.ofMillis(flushed * 1000 / RATE));
		} catch (IOException e) {
			throw new UncheckedIOException("cannot finish recording " + file, e);
		}
	}

	@Override
	public synchronized void close() {
		if (!closed) finish();
	}

	private static ByteBuffer header(long dataBytes) {
		ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
		h.putInt(0x46464952).putInt((int) (36 + dataBytes)).putInt(0x45564157)
				.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 2).putInt(RATE)
				.putInt(RATE * 4).putShort((short) 4).putShort((short) 16)
				.putInt(0x61746164).putInt((int) dataBytes);
		return h.flip();
	}
}
