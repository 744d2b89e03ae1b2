package org.minsheng.nlp;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One number for each feature name any loaded model knows, shared by all models of the process: a
 * text's features are looked up here once, and each model turns the numbers into its own with an
 * array instead of a hash look-up per model. Names enter only when a model that knows them is
 * loaded, so the table grows with the models, not with the texts read.
 *
 * <p>{@link #published()} counts the names entered so far; every name with a smaller number is
 * visible to a reader who read the count first. A vector looked up before a model was loaded is
 * looked up again for it ({@code TextFeatures.Vector}).
 */
final class FeatureIds {

	private static final ConcurrentHashMap<String, Integer> IDS = new ConcurrentHashMap<>();

	private static int next;

	private static volatile int published;

	private FeatureIds() {
	}

	/** Enters the names of a model being loaded; returns the count after them. */
	static synchronized int registerAll(Iterable<String> names) {
		for (var name : names) {
			if (!IDS.containsKey(name)) IDS.put(name, next++);
		}
		published = next;
		return next;
	}

	/** The name's number, or -1 when no loaded model knows it. */
	static int find(String name) {
		var id = IDS.get(name);
		return id == null ? -1 : id;
	}

	static int published() {
		return published;
	}
}
