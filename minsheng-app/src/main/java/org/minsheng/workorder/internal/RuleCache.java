package org.minsheng.workorder.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A small rule table held in memory: read on first use, dropped when this node changes it (again
 * after the change's transaction ends, so nobody keeps a copy read before the commit).
 */
final class RuleCache<T> {

	private final Supplier<List<T>> loader;

	private final AtomicReference<List<T>> rules = new AtomicReference<>();

	RuleCache(Supplier<List<T>> loader) {
		this.loader = loader;
	}

	List<T> get() {
		var current = rules.get();
		if (current == null) {
			current = List.copyOf(loader.get());
			rules.set(current);
		}
		return current;
	}

	void invalidate() {
		rules.set(null);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					rules.set(null);
				}
			});
		}
	}
}
