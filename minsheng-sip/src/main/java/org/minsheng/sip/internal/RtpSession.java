package org.minsheng.sip.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RTP stream (RFC 3550) of a call leg: a UDP port, G.711 audio in and out, RFC 4733 telephone-events in.
 * Symmetric RTP: once a packet arrives, audio is sent back to the address it came from, which is how phones behind
 * NAT are reached whatever their SDP says. Receiving runs on a virtual thread; sending is done by whoever has audio
 * (the media clock for prompts, the other leg's receiver when bridged).
 */
final class RtpSession implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RtpSession.class);
	static final int FRAME = 160; // 20 ms at 8 kHz
	/** A gap in sending longer than this starts a new talk spurt; shorter ones are jitter of forwarded audio. */
	private static final long PAUSE_NANOS = 200_000_000L;

	interface Listener {
		/** Audio received, decoded to linear PCM, with its RTP timestamp and the time it arrived. */
		default void audio(long timestamp, short[] pcm, long arrivedNanos) { }

		/** A key pressed, reported once per event (RFC 4733 end packets are repeated; only the first counts). */
		default void digit(char key) { }
	}

	/** Sees what is sent (to record what the caller hears). */
	interface SendTap {
		/** {@code count} samples from {@code offset}, sent with RTP timestamp {@code timestamp}. */
		void sent(long timestamp, short[] pcm, int offset, int count);
	}

	private final DatagramChannel channel;
	private final int port;
	private final LongAdder packetsIn;
	private final LongAdder packetsOut;
	private final ByteBuffer out = ByteBuffer.allocate(12 + 1280);
	private final int ssrc = ThreadLocalRandom.current().nextInt();
	private int sequence = ThreadLocalRandom.current().nextInt(0x10000);
	private long timestamp = ThreadLocalRandom.current().nextInt() & 0xffffffffL;
	private boolean marker = true;
	private long lastSentNanos;

	private volatile InetSocketAddress remote;
	private volatile boolean latched;
	private volatile Codec codec;
	private volatile int telephoneEvent = -1;
	private volatile Listener listener = new Listener() { };
	private volatile SendTap tap;
	private long lastEventTimestamp = -1;
	private boolean lastEventEnded;
	private volatile Thread receiver;

	// reception statistics (RFC 3550 A.3 and A.8), kept by the receiving thread only
	private long received;
	private int baseSequence = -1;
	private int maxSequence;
	private int cycles;
	private long lastTransit = Long.MIN_VALUE;
	private double jitter;
	private double maxJitter;
	private final MediaQuality quality;
	/** The citizen's leg (else an agent's), for the figures. */
	volatile boolean callerLeg;

	private RtpSession(DatagramChannel channel, int port, LongAdder packetsIn, LongAdder packetsOut, MediaQuality quality) {
		this.channel = channel;
		this.port = port;
		this.packetsIn = packetsIn;
		this.packetsOut = packetsOut;
		this.quality = quality;
	}

	/** Binds the first free even port of the range, starting from {@code first}. */
	static RtpSession open(String bindAddress, RtpPorts ports, LongAdder packetsIn, LongAdder packetsOut,
			MediaQuality quality) {
		for (int attempt = 0; attempt < ports.size(); attempt++) {
			int port = ports.next();
			DatagramChannel ch = null;
			try {
				ch = DatagramChannel.open();
				ch.setOption(StandardSocketOptions.SO_RCVBUF, 64 * 1024);
				ch.bind(new InetSocketAddress(bindAddress, port));
				return new RtpSession(ch, port, packetsIn, packetsOut, quality);
			} catch (IOException e) {
				if (ch != null) {
					try {
						ch.close();
					} catch (IOException ignored) {
						// nothing to release
					}
				}
			}
		}
		throw new IllegalStateException("no free RTP port in " + ports);
	}

	int port() {
		return port;
	}

	Codec codec() {
		return codec;
	}

	/** Sets where to send and in which format, from the peer's SDP. */
	void connect(String address, int remotePort, Codec codec, int telephoneEvent) {
		this.codec = codec;
		this.telephoneEvent = telephoneEvent;
		if (!latched) this.remote = new InetSocketAddress(address, remotePort);
	}

	void listener(Listener listener) {
		this.listener = listener;
	}

	void tap(SendTap tap) {
		this.tap = tap;
	}

	void start(String name) {
		receiver = Thread.ofVirtual().name(name).start(this::receive);
	}

	private void receive() {
		ByteBuffer buf = ByteBuffer.allocate(2048);
		while (channel.isOpen()) {
			buf.clear();
			SocketAddress from;
			try {
				from = channel.receive(buf);
			} catch (ClosedChannelException e) {
				return;
			} catch (IOException e) {
				if (channel.isOpen()) log.debug("RTP receive on {}: {}", port, e.toString());
				continue;
			}
			long arrived = System.nanoTime();
			buf.flip();
			try {
				packet(buf, (InetSocketAddress) from, arrived);
			} catch (RuntimeException e) {
				log.debug("RTP packet on {} dropped: {}", port, e.toString());
			}
		}
	}

	private void packet(ByteBuffer b, InetSocketAddress from, long arrived) {
		int length = b.remaining();
		if (length < 12 || (b.get(0) & 0xC0) != 0x80) return;
		packetsIn.increment();
		if (!latched) {
			remote = from;
			latched = true;
		}
		int first = b.get(0) & 0xff;
		int pt = b.get(1) & 0x7f;
		long ts = b.getInt(4) & 0xffffffffL;
		count(b.getShort(2) & 0xffff, ts, arrived, pt);
		int header = 12 + 4 * (first & 0x0f);
		if ((first & 0x10) != 0) {
			if (length < header + 4) return;
			header += 4 + 4 * (b.getShort(header + 2) & 0xffff);
		}
		int padding = (first & 0x20) != 0 ? b.get(length - 1) & 0xff : 0;
		int payload = length - header - padding;
		if (payload <= 0) return;
		Codec c = codec;
		if (pt == telephoneEvent) {
			boolean end = (b.get(header + 1) & 0x80) != 0;
			// a new key: a new timestamp, or a packet without the end bit after the end of the last event
			// (a phone that reuses the timestamp for the same key pressed twice)
			if (ts != lastEventTimestamp || (lastEventEnded && !end)) {
				lastEventTimestamp = ts;
				char key = key(b.get(header) & 0xff);
				if (key != 0) listener.digit(key);
			}
			lastEventEnded = end;
		} else if (c != null && pt == c.payloadType) {
			short[] pcm = new short[payload];
			for (int i = 0; i < payload; i++) pcm[i] = c.decode(b.get(header + i));
			listener.audio(ts, pcm, arrived);
		}
	}

	/** Sequence and interarrival jitter bookkeeping for audio packets (RFC 3550 A.1, A.8). */
	private void count(int sequence, long timestamp, long arrivedNanos, int pt) {
		if (pt == telephoneEvent) return;
		received++;
		if (baseSequence < 0) {
			baseSequence = sequence;
			maxSequence = sequence;
		} else {
			int delta = (sequence - maxSequence) & 0xffff;
			if (delta < 0x8000 && delta > 0) {
				if (sequence < maxSequence) cycles += 0x10000;
				maxSequence = sequence;
			}
		}
		long arrival = arrivedNanos / 125_000; // in 8 kHz timestamp units
		long transit = arrival - timestamp;
		if (lastTransit != Long.MIN_VALUE) {
			long d = Math.abs(transit - lastTransit);
			if (d < 8000 * 10) { // a jump of ten seconds is a new talk spurt or a clock change, not jitter
				jitter += (d - jitter) / 16.0;
				maxJitter = Math.max(maxJitter, jitter);
			}
		}
		lastTransit = transit;
	}

	/** Packets received, lost (by sequence numbers), and the highest interarrival jitter seen, in ms. */
	record Stats(long received, long lost, double maxJitterMillis) {
	}

	Stats stats() {
		if (baseSequence < 0) return new Stats(0, 0, 0);
		long expected = (long) cycles + maxSequence - baseSequence + 1;
		return new Stats(received, Math.max(0, expected - received), maxJitter / 8.0);
	}

	static char key(int event) {
		if (event <= 9) return (char) ('0' + event);
		return switch (event) {
			case 10 -> '*';
			case 11 -> '#';
			case 12, 13, 14, 15 -> (char) ('A' + event - 12);
			default -> 0;
		};
	}

	/** Sends up to 1,280 samples (160 ms) as one packet. */
	synchronized void send(short[] pcm, int offset, int count) {
		InetSocketAddress to = remote;
		Codec c = codec;
		if (to == null || c == null || !channel.isOpen()) return;
		long now = System.nanoTime();
		if (lastSentNanos != 0 && now - lastSentNanos > PAUSE_NANOS) {
			// a new talk spurt after a pause (between prompts, after hold): the timestamp runs on with the clock
			// (RFC 3550 5.1), so a receiver or a recorder places it where it belongs in time
			timestamp = (timestamp + (now - lastSentNanos) / 125_000 - FRAME) & 0xffffffffL;
			marker = true;
		}
		lastSentNanos = now;
		out.clear();
		out.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | c.payloadType)).putShort((short) sequence)
				.putInt((int) timestamp).putInt(ssrc);
		int n = Math.min(count, 1280);
		for (int i = 0; i < n; i++) out.put(c.encode(pcm[offset + i]));
		out.flip();
		SendTap t = tap;
		if (t != null) t.sent(timestamp, pcm, offset, n);
		marker = false;
		sequence = (sequence + 1) & 0xffff;
		timestamp = (timestamp + n) & 0xffffffffL;
		try {
			channel.send(out, to);
			packetsOut.increment();
		} catch (IOException e) {
			log.debug("RTP send from {}: {}", port, e.toString());
		}
	}

	@Override
	public void close() {
		if (channel.isOpen() && quality != null) quality.record(stats(), callerLeg);
		try {
			channel.close();
		} catch (IOException ignored) {
			// closing twice or after an error: nothing left to release
		}
		Thread t = receiver;
		if (t != null) t.interrupt();
	}
}
