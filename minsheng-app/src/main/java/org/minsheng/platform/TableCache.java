package org.minsheng.platform;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An in-memory copy of a small table that is read on every request and changed rarely (the
 * taxonomy, the SLA table). The copy is read once and kept, in or out of a transaction, except
 * by the transaction that changed the table: that one reads its own uncommitted rows and keeps
 * nothing, and when it ends the copy is dropped on this node. A load that began before a change
 * is not kept.
 */
public final class TableCache<T> {

	private final Supplier<T> loader;

	private final AtomicReference<T> value = new AtomicReference<>();

	private final AtomicLong generation = new AtomicLong();

	public TableCache(Supplier<T> loader) {
		this.loader = loader;
	}

	public T get() {
		var current = value.get();
		if (current != null) {
			return current;
		}
		long seen = generation.get();
		var fresh = loader.get();
		if (!TransactionSynchronizationManager.hasResource(this) && generation.get() == seen) {
			value.compareAndSet(null, fresh);
		}
		return fresh;
	}

	/** Call from the transaction that changes the table. */
	public void invalidate() {
		drop();
		if (TransactionSynchronizationManager.isSynchronizationActive()
				&& !TransactionSynchronizationManager.hasResource(this)) {
			TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(TableCache.this);
					drop();
				}
			});
		}
	}

	private void drop() {
		generation.incrementAndGet();
		value.set(null);
	}
}
