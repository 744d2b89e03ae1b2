package org.minsheng.nlp;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One number for each feature name any loaded model knows, shared by all models of the process: a
 * text's features are looked up here once, and each model turns the numbers into its own with an
 * array instead of a hash look-up per model. Names enter only when a model that knows them is
 * loaded, so the table grows with the models, not with the texts read.
 *
 * <p>Single characters ({@code c=车}) and character pairs ({@code p=路灯}), most of a text's
 * features, are found by their characters in arrays, without making their names: a text's
 * features are counted as numbers ({@link TextFeatures}) and named only when a model is trained.
 *
 * <p>{@link #published()} counts the names entered so far; every name with a smaller number is
 * visible to a reader who read the count first. A vector looked up before a model was loaded is
 * looked up again for it ({@code TextFeatures.Vector}).
 */
final class FeatureIds {

	/** Words, by the word itself (the name without {@code w=}). */
	private static final ConcurrentHashMap<String, Integer> WORDS = new ConcurrentHashMap<>();

	/** Every other name, whole. */
	private static final ConcurrentHashMap<String, Integer> OTHERS = new ConcurrentHashMap<>();

	/** Single characters by their code, -1 for none. */
	private static final int[] CHARS = new int[1 << 16];

	/** Character pairs ({@code first << 16 | second}), an open-addressing table replaced whole when it grows. */
	private static volatile Pairs pairs = new Pairs(new int[1 << 10], new int[1 << 10]);

	private static int next;

	private static volatile int published;

	static {
		Arrays.fill(CHARS, -1);
	}

	private FeatureIds() {
	}

	/** The number of a pair of characters (never 0: the first is a letter or digit). */
	static int pairKey(char a, char b) {
		return a << 16 | b;
	}

	/** Enters the names of a model being loaded; returns the count after them. */
	static synchronized int registerAll(java.util.Collection<String> names) {
		// a new pair table with room for every name, filled, then published in place of the old
		var table = pairs.copyWithRoom(names.size());
		for (var name : names) {
			if (name.startsWith("w=")) {
				if (!WORDS.containsKey(name.substring(2))) WORDS.put(name.substring(2), next++);
			}
			else if (name.startsWith("c=") && name.length() == 3) {
				if (CHARS[name.charAt(2)] < 0) CHARS[name.charAt(2)] = next++;
			}
			else if (name.startsWith("p=") && name.length() == 4 && name.charAt(2) != 0) {
				int key = pairKey(name.charAt(2), name.charAt(3));
				if (table.find(key) < 0) table.put(key, next++);
			}
			else if (!OTHERS.containsKey(name)) {
				OTHERS.put(name, next++);
			}
		}
		pairs = table;
		published = next;
		return next;
	}

	/** The name's number, or -1 when no loaded model knows it. */
	static int find(String name) {
		if (name.startsWith("w=")) return word(name.substring(2));
		if (name.startsWith("c=") && name.length() == 3) return CHARS[name.charAt(2)];
		if (name.startsWith("p=") && name.length() == 4 && name.charAt(2) != 0) {
			return pairs.find(pairKey(name.charAt(2), name.charAt(3)));
		}
		var id = OTHERS.get(name);
		return id == null ? -1 : id;
	}

	static int word(String word) {
		var id = WORDS.get(word);
		return id == null ? -1 : id;
	}

	/** A character's number (a key whose upper 16 bits are 0) or a pair's (first << 16 | second, negative when the first is above U+7FFF). */
	static int key(int key) {
		return (key >>> 16) == 0 ? CHARS[key] : pairs.find(key);
	}

	static int published() {
		return published;
	}

	/** An open-addressing table from pair keys to numbers; never changed once published. */
	private record Pairs(int[] keys, int[] ids) {

		int find(int key) {
			int mask = keys.length - 1;
			for (int i = mix(key) & mask;; i = (i + 1) & mask) {
				if (keys[i] == key) return ids[i];
				if (keys[i] == 0) return -1;
			}
		}

		/** A copy with room for {@code more} keys (at most half full); this table stays as it was while being read. */
		Pairs copyWithRoom(int more) {
			int size = 0;
			for (int key : keys) if (key != 0) size++;
			int capacity = keys.length;
			while ((long) (size + more) * 2 > capacity) capacity *= 2;
			var out = new Pairs(new int[capacity], new int[capacity]);
			for (int i = 0; i < keys.length; i++) if (keys[i] != 0) out.put(keys[i], ids[i]);
			return out;
		}

		/** Adds a key: only to a table not yet published. */
		void put(int key, int id) {
			int mask = keys.length - 1;
			int i = mix(key) & mask;
			while (keys[i] != 0) i = (i + 1) & mask;
			keys[i] = key;
			ids[i] = id;
		}

		private static int mix(int key) {
			int h = key * 0x9E3779B9;
			return h ^ (h >>> 16);
		}
	}
}
