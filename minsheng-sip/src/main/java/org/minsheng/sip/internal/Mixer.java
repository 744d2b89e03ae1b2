package org.minsheng.sip.internal;

import java.util.ArrayDeque;

/**
 * Three-party conference on the media clock: every 20 ms each party is sent the sum of what the other two said
 * (clipped), so nobody hears themselves. Each input keeps a few frames to ride out jitter; a party with nothing
 * queued adds silence. What the caller hears is written to the recording's agent channel.
 */
final class Mixer implements MediaClock.Ticker {

	static final int CALLER = 0;
	static final int AGENT = 1;
	static final int CONSULTED = 2;
	private static final int DEPTH = 5;

	private final RtpSession[] outs;
	@SuppressWarnings("unchecked")
	private final ArrayDeque<short[]>[] ins = new ArrayDeque[] {new ArrayDeque<>(), new ArrayDeque<>(), new ArrayDeque<>()};
	private final StereoRecorder recorder;
	private volatile boolean stopped;
	private long frames;

	Mixer(RtpSession caller, RtpSession agent, RtpSession consulted, StereoRecorder recorder) {
		this.outs = new RtpSession[] {caller, agent, consulted};
		this.recorder = recorder;
		if (recorder != null) recorder.rebase(1);
	}

	void in(int party, short[] pcm) {
		synchronized (ins) {
			ArrayDeque<short[]> q = ins[party];
			if (q.size() >= DEPTH) q.poll();
			q.add(pcm);
		}
	}

	@Override
	public boolean tick() {
		if (stopped) return false;
		short[][] frame = new short[3][];
		synchronized (ins) {
			for (int p = 0; p < 3; p++) frame[p] = ins[p].poll();
		}
		for (int to = 0; to < 3; to++) {
			int length = 0;
			for (int from = 0; from < 3; from++) {
				if (from != to && frame[from] != null) length = Math.max(length, frame[from].length);
			}
			if (length == 0) continue;
			short[] out = new short[length];
			for (int from = 0; from < 3; from++) {
				if (from == to || frame[from] == null) continue;
				short[] f = frame[from];
				for (int i = 0; i < f.length; i++) {
					out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, out[i] + f[i]));
				}
			}
			outs[to].send(out, 0, out.length);
			if (to == CALLER && recorder != null) recorder.write(1, frames * RtpSession.FRAME, out, System.nanoTime());
		}
		frames++;
		return true;
	}

	void stop() {
		stopped = true;
		if (recorder != null) recorder.rebase(1);
	}
}
