package org.minsheng.sip.internal;

/**
 * ITU-T G.711 A-law and µ-law, as in the reference implementation (Sun's g711.c, public domain). Decoding goes
 * through 256-entry tables, encoding through 8,192/4,096-entry tables built once, so both are a single lookup.
 */
final class G711 {

	static final short[] ULAW_TO_LINEAR = new short[256];
	static final short[] ALAW_TO_LINEAR = new short[256];
	private static final byte[] LINEAR_TO_ULAW = new byte[16384];
	private static final byte[] LINEAR_TO_ALAW = new byte[8192];

	private static final int BIAS = 0x84;
	private static final int CLIP = 8159;
	private static final short[] SEG_UEND = {0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF};
	private static final short[] SEG_AEND = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};

	static {
		for (int i = 0; i < 256; i++) {
			ULAW_TO_LINEAR[i] = ulawToLinear((byte) i);
			ALAW_TO_LINEAR[i] = alawToLinear((byte) i);
		}
		for (int i = 0; i < LINEAR_TO_ULAW.length; i++) LINEAR_TO_ULAW[i] = slowUlaw((short) ((i - 8192) << 2));
		for (int i = 0; i < LINEAR_TO_ALAW.length; i++) LINEAR_TO_ALAW[i] = slowAlaw((short) ((i - 4096) << 3));
	}

	private G711() {
	}

	static byte linearToUlaw(short pcm) {
		return LINEAR_TO_ULAW[(pcm >> 2) + 8192];
	}

	static byte linearToAlaw(short pcm) {
		return LINEAR_TO_ALAW[(pcm >> 3) + 4096];
	}

	private static int segment(int value, short[] table) {
		for (int i = 0; i < table.length; i++) if (value <= table[i]) return i;
		return table.length;
	}

	private static byte slowUlaw(short sample) {
		int pcm = sample >> 2;
		int mask;
		if (pcm < 0) {
			pcm = -pcm;
			mask = 0x7F;
		} else {
			mask = 0xFF;
		}
		if (pcm > CLIP) pcm = CLIP;
		pcm += BIAS >> 2;
		int seg = segment(pcm, SEG_UEND);
		if (seg >= 8) return (byte) (0x7F ^ mask);
		int uval = (seg << 4) | ((pcm >> (seg + 1)) & 0xF);
		return (byte) (uval ^ mask);
	}

	private static short ulawToLinear(byte code) {
		int u = ~code & 0xff;
		int t = ((u & 0x0F) << 3) + BIAS;
		t <<= (u & 0x70) >> 4;
		return (short) ((u & 0x80) != 0 ? BIAS - t : t - BIAS);
	}

	private static byte slowAlaw(short sample) {
		int pcm = sample >> 3;
		int mask;
		if (pcm >= 0) {
			mask = 0xD5;
		} else {
			mask = 0x55;
			pcm = -pcm - 1;
		}
		int seg = segment(pcm, SEG_AEND);
		if (seg >= 8) return (byte) (0x7F ^ mask);
		int aval = seg << 4;
		aval |= seg < 2 ? (pcm >> 1) & 0xF : (pcm >> seg) & 0xF;
		return (byte) (aval ^ mask);
	}

	private static short alawToLinear(byte code) {
		int a = (code ^ 0x55) & 0xff;
		int t = (a & 0x0F) << 4;
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
}
