package org.minsheng.nlp;

/**
 * Which characters and pairs of adjacent characters a text holds: one pass over it, then each
 * question is a few bit look-ups. Pairs are hashed into a fixed table, so "holds" may be wrong
 * (rarely) in the safe direction only: a pair said present may be absent, never the other way.
 */
final class TextChars {

	private final long[] chars = new long[1 << 10];

	private final long[] pairs = new long[1 << 10];

	private TextChars() {
	}

	static TextChars of(String text) {
		var out = new TextChars();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			out.chars[c >>> 6] |= 1L << c;
			if (i > 0) {
				int h = pair(text.charAt(i - 1), c);
				out.pairs[h >>> 6] |= 1L << h;
			}
		}
		return out;
	}

	private static int pair(char a, char b) {
		return ((a * 0x9E3779B1) ^ b) * 0x85EBCA6B >>> 16;
	}

	boolean has(char c) {
		return (chars[c >>> 6] & (1L << c)) != 0;
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
