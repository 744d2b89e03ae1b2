package org.minsheng.sip.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

import org.minsheng.sip.Recording;

/**
 * Finishes a WAV file that a crash cut off while it was being recorded: the recorders write the
 * sizes into the header only when they finish, so such a file says it holds nothing. The sizes are
 * set to the whole frames the file holds (a half-written last frame is cut), and the file is sealed
 * like a finished recording. What the recorder still held in memory is lost; what reached the disk
 * plays.
 */
public final class RecordingRepair {

	private static final int HEADER = 44;

	private RecordingRepair() {
	}

	/** The mended, sealed recording; empty when the file is not a plain PCM WAV or holds no audio. */
	public static Optional<Recording> finish(Path wav) throws IOException {
		if (!Files.isRegularFile(wav) || Files.size(wav) < HEADER) return Optional.empty();
		try (var channel = FileChannel.open(wav, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			var header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
			channel.read(header, 0);
			header.flip();
			if (header.getInt(0) != 0x46464952 || header.getInt(8) != 0x45564157 || header.getInt(12) != 0x20746d66
					|| header.getInt(16) != 16 || header.getShort(20) != 1 || header.getInt(36) != 0x61746164) {
				return Optional.empty();
			}
			int rate = header.getInt(24);
			int blockAlign = header.getShort(32);
			if (rate <= 0 || blockAlign <= 0) return Optional.empty();
			long data = (channel.size() - HEADER) / blockAlign * blockAlign;
			if (data == 0) return Optional.empty();
			channel.truncate(HEADER + data);
			var sizes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
			channel.write(sizes.putInt(0, (int) (36 + data)), 4);
			channel.write(sizes.clear().putInt(0, (int) data), 40);
			channel.force(true);
			return Optional.of(Recordings.seal(wav, Duration.ofMillis(data / blockAlign * 1000 / rate)));
		}
	}
}
