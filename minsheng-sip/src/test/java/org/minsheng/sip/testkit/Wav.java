package org.minsheng.sip.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a 16-bit PCM WAV and measures it, to check what a recording holds rather than its size. */
public record Wav(int channels, int sampleRate, short[][] samples) {

	public static Wav read(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		int channels = b.getShort(22);
		int rate = b.getInt(24);
		int bits = b.getShort(34);
		if (bits != 16) throw new IOException("not 16-bit: " + bits);
		int dataSize = b.getInt(40);
		int frames = dataSize / (2 * channels);
		short[][] s = new short[channels][frames];
		for (int f = 0; f < frames; f++) {
			for (int c = 0; c < channels; c++) s[c][f] = b.getShort(44 + (f * channels + c) * 2);
		}
		return new Wav(channels, rate, s);
	}

	public double seconds() {
		return samples[0].length / (double) sampleRate;
	}

	/** Root-mean-square level of a channel, in dBFS (silence is far below -60). */
	public double rmsDbfs(int channel) {
		double sum = 0;
		for (short v : samples[channel]) sum += (double) v * v;
		double rms = Math.sqrt(sum / Math.max(1, samples[channel].length));
		return 20 * Math.log10(Math.max(rms, 1e-9) / 32768.0);
	}

	/** Root-mean-square level of a channel between two times (seconds from the start), in dBFS. */
	public double rmsDbfs(int channel, double fromSeconds, double toSeconds) {
		int from = (int) Math.max(0, fromSeconds * sampleRate);
		int to = (int) Math.min(samples[channel].length, toSeconds * sampleRate);
		double sum = 0;
		for (int i = from; i < to; i++) sum += (double) samples[channel][i] * samples[channel][i];
		double rms = Math.sqrt(sum / Math.max(1, to - from));
		return 20 * Math.log10(Math.max(rms, 1e-9) / 32768.0);
	}
}
