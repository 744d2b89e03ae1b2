package org.minsheng.sip.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The ear of a test caller: a UDP port that a sipp caller names in its SDP ({@link Sipp#media}), so the engine's
 * audio to the caller lands here while sipp does the signalling. Keeps every RTP packet with the time it arrived,
 * decoded from G.711, to tell when the caller heard something and how loud it was.
 */
public final class RtpProbe implements AutoCloseable {

	/** One packet as heard: when (from the probe's start), its payload type, its samples. */
	public record Packet(long atNanos, int payloadType, boolean marker, long timestamp, short[] samples) {
	}

	private final DatagramSocket socket;
	private final long start = System.nanoTime();
	private final List<Packet> packets = new ArrayList<>();
	private final Thread receiver;

	private RtpProbe(DatagramSocket socket) {
		this.socket = socket;
		this.receiver = Thread.ofVirtual().name("rtp-probe-" + socket.getLocalPort()).start(this::receive);
	}

	/** A probe on a free even port of the loopback address. */
	public static RtpProbe open() {
		try {
			return new RtpProbe(new DatagramSocket(new InetSocketAddress("127.0.0.1", Sipp.freeUdpPort())));
		} catch (SocketException e) {
			throw new UncheckedIOException(e);
		}
	}

	public int port() {
		return socket.getLocalPort();
	}

	private void receive() {
		byte[] buf = new byte[2048];
		while (!socket.isClosed()) {
			DatagramPacket p = new DatagramPacket(buf, buf.length);
			try {
				socket.receive(p);
			} catch (IOException e) {
				return;
			}
			long at = System.nanoTime() - start;
			if (p.getLength() < 12 || (buf[0] & 0xC0) != 0x80) continue;
			int pt = buf[1] & 0x7f;
			boolean marker = (buf[1] & 0x80) != 0;
			long ts = ((buf[4] & 0xffL) << 24) | ((buf[5] & 0xff) << 16) | ((buf[6] & 0xff) << 8) | (buf[7] & 0xff);
			int header = 12 + 4 * (buf[0] & 0x0f);
			short[] samples = new short[Math.max(0, p.getLength() - header)];
			for (int i = 0; i < samples.length; i++) {
				int b = buf[header + i] & 0xff;
				samples[i] = pt == 8 ? alaw(b) : pt == 0 ? ulaw(b) : 0;
			}
			synchronized (packets) {
				packets.add(new Packet(at, pt, marker, ts, samples));
			}
		}
	}

	public List<Packet> packets() {
		synchronized (packets) {
			return List.copyOf(packets);
		}
	}

	/** Packets that arrived between {@code from} and {@code to} after the probe opened. */
	public List<Packet> between(Duration from, Duration to) {
		return packets().stream().filter(p -> p.atNanos() >= from.toNanos() && p.atNanos() < to.toNanos()).toList();
	}

	/** The level of what arrived between the two times, in dBFS ({@code -120} for nothing at all). */
	public double rmsDbfs(Duration from, Duration to) {
		double sum = 0;
		long n = 0;
		for (Packet p : between(from, to)) {
			for (short s : p.samples()) {
				sum += (double) s * s;
				n++;
			}
		}
		if (n == 0 || sum == 0) return -120;
		return 20 * Math.log10(Math.sqrt(sum / n) / 32768.0);
	}

	/** How long after the probe opened the first packet came, if one did. */
	public java.util.Optional<Duration> firstPacket() {
		return packets().stream().findFirst().map(p -> Duration.ofNanos(p.atNanos()));
	}

	/** Time since the probe opened. */
	public Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	@Override
	public void close() {
		socket.close();
		receiver.interrupt();
	}

	private static short alaw(int a) {
		a ^= 0x55;
		int t = (a & 0x0f) << 4;
		int seg = (a & 0x70) >> 4;
		switch (seg) {
			case 0 -> t += 8;
			case 1 -> t += 0x108;
			default -> {
				t += 0x108;
				t <<= seg - 1;
			}
		}
		return (short) ((a & 0x80) != 0 ? t : -t);
	}

	private static short ulaw(int u) {
		u = ~u & 0xff;
		int t = ((u & 0x0f) << 3) + 0x84;
		t <<= (u & 0x70) >> 4;
		return (short) ((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
	}
}
