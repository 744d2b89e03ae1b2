package org.minsheng.audit;

import java.util.function.Supplier;

/**
 * Where the audited work comes from when it is not a request: a seeder or an importer says so, and
 * every entry written meanwhile on this thread carries it as its source instead of {@code local},
 * so that the trail tells generated records from a person's work.
 */
public final class AuditSource {

	private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

	private AuditSource() {
	}

	/** Runs the work with entries marked as coming from {@code source} (at most 100 characters). */
	public static <T> T during(String source, Supplier<T> work) {
		var before = CURRENT.get();
		CURRENT.set(source);
		try {
			return work.get();
		}
		finally {
			if (before == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(before);
			}
		}
	}

	/** The source set on this thread, or null. */
	public static String current() {
		return CURRENT.get();
	}
}
