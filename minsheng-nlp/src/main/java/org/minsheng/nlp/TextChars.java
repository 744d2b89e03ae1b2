package org.minsheng.nlp;

/**
 * Which characters and pairs of adjacent characters a text holds: one pass over it, then each
 * question is a few bit look-ups. Both are hashed into tables of 8,192 bits (1 KB each, so a text
 * costs little to mark), and "holds" may be wrong in the safe direction only: a character or pair
 * said present may be absent, never the other way.
 */
final class TextChars {

	private final long[] chars = new long[1 << 7];

	private final long[] pairs = new long[1 << 7];

	private TextChars() {
	}

	static TextChars of(String text) {
		var out = new TextChars();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			int k = single(c);
			out.chars[k >>> 6] |= 1L << k;
			if (i > 0) {
				int h = pair(text.charAt(i - 1), c);
				out.pairs[h >>> 6] |= 1L << h;
			}
		}
		return out;
	}

	/** A pair's place in its 8,192-bit table. */
	private static int pair(char a, char b) {
		return ((a * 0x9E3779B1) ^ b) * 0x85EBCA6B >>> 19;
	}

	/** A character's place in its 8,192-bit table. */
	private static int single(char c) {
		return c * 0x9E3779B1 >>> 19;
	}

	boolean has(char c) {
		int k = single(c);
		return (chars[k >>> 6] & (1L << k)) != 0;
	}

	/** Whether the text may hold the string: all its characters, and all its pairs as far as the table tells. */
	boolean mayHold(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (!has(c)) return false;
			if (i > 0) {
				int h = pair(s.charAt(i - 1), c);
				if ((pairs[h >>> 6] & (1L << h)) == 0) return false;
			}
		}
		return true;
	}

	boolean mayHoldAny(String[] strings) {
		for (var s : strings) if (mayHold(s)) return true;
		return false;
	}
}
