package org.minsheng.identity.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.minsheng.identity.Department;
import org.minsheng.identity.Role;
import org.minsheng.identity.UserId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What every dispatch and every notice asks of the directory (is the department there and enabled,
 * who in it is to be told), kept for a few seconds: under load each order asked both again, two
 * statements of about a dozen. A change made on this node shows at once (the rows that write
 * departments, users and roles say so, and again when their transaction ends); one made on another
 * node of a cluster shows here within {@link #TTL}.
 */
@Component
class DirectoryCache {

	static final Duration TTL = Duration.ofSeconds(10);

	private static final long TTL_NANOS = TTL.toNanos();

	private static final int MAX_ENTRIES = 50_000;

	private record Entry<T>(T value, long generation, long readAt) {
	}

	private record MembersKey(long department, Set<Role> roles) {
	}

	/** Raised by every change; an entry read before it is not used. */
	private final AtomicLong generation = new AtomicLong();

	private final ConcurrentHashMap<Long, Entry<Optional<Department>>> departments = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<MembersKey, Entry<List<UserId>>> members = new ConcurrentHashMap<>();

	Optional<Department> department(long id, Supplier<Optional<Department>> read) {
		return cached(departments, id, read);
	}

	List<UserId> members(long department, Set<Role> roles, Supplier<List<UserId>> read) {
		return cached(members, new MembersKey(department, Set.copyOf(roles)), read);
	}

	private <K, T> T cached(ConcurrentHashMap<K, Entry<T>> map, K key, Supplier<T> read) {
		long now = System.nanoTime();
		long current = generation.get();
		var entry = map.get(key);
		if (entry != null && entry.generation() == current && now - entry.readAt() < TTL_NANOS) {
			return entry.value();
		}
		// a change in another transaction on this node that has not yet committed raises the
		// generation again when it ends, so what is read here is not kept past it
		var value = read.get();
		if (map.size() >= MAX_ENTRIES) map.clear();
		map.put(key, new Entry<>(value, current, now));
		return value;
	}

	/** A department, user or role was written: forget everything now and once the transaction has ended. */
	void changed() {
		generation.incrementAndGet();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					generation.incrementAndGet();
				}
			});
		}
	}
}
