package org.minsheng.nlp;

import java.text.Normalizer;
import java.util.HexFormat;

/**
 * A compact fingerprint of a text for finding near-duplicates among many (疑似重复): a MinHash over the text's
 * character pairs, 64 values, whose agreement estimates the Jaccard similarity of the two texts' pair sets. The
 * fingerprint holds no text, so it can be kept without copying what a citizen wrote.
 */
public final class TextSignature {

	static final int SIZE = 64;

	private static final long[] SEEDS = new long[SIZE];

	static {
		long x = 0x9E3779B97F4A7C15L;
		for (int i = 0; i < SIZE; i++) {
			x ^= x << 13;
			x ^= x >>> 7;
			x ^= x << 17;
			SEEDS[i] = x;
		}
	}

	private TextSignature() {
	}

	/** The text without what is neither letter nor digit (as {@code [^\\p{L}\\p{N}]+} removed, without a pattern). */
	static String lettersAndDigits(String text) {
		var out = new StringBuilder(text.length());
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			int type = Character.getType(c);
			boolean keep = switch (type) {
				case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
						Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
						Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
				default -> false;
			};
			if (keep) out.appendCodePoint(c);
			i += Character.charCount(c);
		}
		return out.toString();
	}

	/** The fingerprint of a text: letters and digits only (full-width folded, case ignored), in pairs. */
	public static int[] of(String text) {
		String t = lettersAndDigits(
				Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT));
		int[] min = new int[SIZE];
		java.util.Arrays.fill(min, Integer.MAX_VALUE);
		if (t.length() < 2) return min;
		for (int i = 0; i + 1 < t.length(); i++) {
			long pair = ((long) t.charAt(i) << 16) | t.charAt(i + 1);
			for (int k = 0; k < SIZE; k++) {
				int h = (int) (mix(pair ^ SEEDS[k]) >>> 33);
				if (h < min[k]) min[k] = h;
			}
		}
		return min;
	}

	/** Estimated Jaccard similarity of the two texts' character pairs, 0 to 1. */
	public static double similarity(int[] a, int[] b) {
		if (a.length != SIZE || b.length != SIZE) throw new IllegalArgumentException("not a text signature");
		int same = 0;
		for (int i = 0; i < SIZE; i++) if (a[i] == b[i] && a[i] != Integer.MAX_VALUE) same++;
		return same / (double) SIZE;
	}

	/** How many values of the signature make one band of {@link #bandKeys}. */
	public static final int BAND_ROWS = 2;

	/**
	 * Keys for finding alike texts without comparing with every one (locality-sensitive hashing): the
	 * signature cut into 32 bands of 2 values, each band hashed with its place into one number. Two
	 * texts share a band with the probability s² for a Jaccard similarity s, so texts at 0.4 share at
	 * least one of the 32 with probability 0.996, while unrelated complaints (s ≈ 0.01–0.04) share one
	 * in fewer than one case in a hundred. An empty text has no keys.
	 */
	public static long[] bandKeys(int[] signature) {
		if (signature.length != SIZE) throw new IllegalArgumentException("not a text signature");
		int bands = SIZE / BAND_ROWS;
		var keys = new long[bands];
		int n = 0;
		for (int b = 0; b < bands; b++) {
			int v1 = signature[b * BAND_ROWS];
			int v2 = signature[b * BAND_ROWS + 1];
			if (v1 == Integer.MAX_VALUE && v2 == Integer.MAX_VALUE) continue;
			keys[n++] = mix(mix(((long) b << 56) ^ (v1 & 0xffffffffL)) ^ ((long) v2 << 17) ^ (v2 >>> 15));
		}
		return n == bands ? keys : java.util.Arrays.copyOf(keys, n);
	}

	/** Hex text of a signature, for a database column (512 characters). */
	public static String encode(int[] signature) {
		var bytes = new byte[SIZE * 4];
		for (int i = 0; i < SIZE; i++) {
			bytes[4 * i] = (byte) (signature[i] >>> 24);
			bytes[4 * i + 1] = (byte) (signature[i] >>> 16);
			bytes[4 * i + 2] = (byte) (signature[i] >>> 8);
			bytes[4 * i + 3] = (byte) signature[i];
		}
		return HexFormat.of().formatHex(bytes);
	}

	public static int[] decode(String hex) {
		var bytes = HexFormat.of().parseHex(hex);
		if (bytes.length != SIZE * 4) throw new IllegalArgumentException("not a text signature");
		int[] out = new int[SIZE];
		for (int i = 0; i < SIZE; i++) {
			out[i] = (bytes[4 * i] & 0xff) << 24 | (bytes[4 * i + 1] & 0xff) << 16 | (bytes[4 * i + 2] & 0xff) << 8
					| bytes[4 * i + 3] & 0xff;
		}
		return out;
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
