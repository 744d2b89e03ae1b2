package org.minsheng.knowledge.internal;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the search index in step with the database. An article changed on this node is put into
 * the index as soon as its transaction commits; changes made on other nodes of a cluster (each node
 * has its own index) are picked up by following {@code kb_article.updated_at} every few seconds. On
 * start the index is rebuilt when it is missing or of an older format, and otherwise brought up to
 * date from where its last commit stopped.
 */
@Component
class IndexKeeper implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(IndexKeeper.class);

	/** How far back each follow-up looks again, for transactions that committed late. */
	private static final Duration OVERLAP = Duration.ofSeconds(60);

	private final ArticleRows rows;

	private final SynonymRows synonyms;

	private final Path dir;

	private final boolean serving;

	private volatile KnowledgeIndex index;

	private final Clock clock;

	private final Object sync = new Object();

	/** The change times already indexed inside the overlap window, so a follow-up skips them. */
	private final Map<Long, OffsetDateTime> seen = new HashMap<>();

	private OffsetDateTime cursor;

	private volatile boolean ready;

	private volatile boolean rebuilding;

	private volatile List<List<String>> synonymsInUse = List.of();

	private final AtomicLong uncommitted = new AtomicLong();

	private final DenseEncoder encoder;

	IndexKeeper(ArticleRows rows, SynonymRows synonyms, Clock clock, DenseEncoder encoder,
			@Value("${minsheng.knowledge.index-dir:${minsheng.data-dir}/kb-index}") String dir,
			@Value("${minsheng.command:serve}") String command) {
		this.rows = rows;
		this.encoder = encoder;
		this.synonyms = synonyms;
		this.clock = clock;
		this.dir = Path.of(dir);
		this.serving = command.equals("serve");
	}

	/**
	 * The index, opened on first use: a command run beside the server on the same data folder
	 * (such as {@code audit verify}) never touches it. One process holds an index folder; each node
	 * of a cluster has its own.
	 */
	KnowledgeIndex index() {
		var current = index;
		if (current == null) {
			synchronized (sync) {
				if (index == null) {
					try {
						index = new KnowledgeIndex(dir, encoder);
					}
					catch (UncheckedIOException e) {
						if (e.getCause() instanceof org.apache.lucene.store.LockObtainFailedException) {
							throw new IllegalStateException("The knowledge index at " + dir + " is in use by another"
									+ " process: give each node its own minsheng.knowledge.index-dir", e);
						}
						throw e;
					}
				}
				current = index;
			}
		}
		return current;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!serving) {
			return;
		}
		var index = index();
		useSynonyms();
		synchronized (sync) {
			var synced = index.syncedTo();
			if (index.needsRebuild() || synced.isEmpty() || (index.size() == 0 && rows.publishedCount() > 0)) {
				rebuild();
			}
			else {
				cursor = OffsetDateTime.parse(synced.get());
				follow();
			}
			ready = true;
		}
	}

	boolean ready() {
		return ready;
	}

	/** Reads every published article from the database into a fresh index. Returns how many. */
	int rebuild() {
		synchronized (sync) {
			long started = System.nanoTime();
			var now = OffsetDateTime.now(clock);
			var target = index();
			rebuilding = true;
			// the database is read by one thread, articles are analyzed by one worker per core
			int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
			var workers = Executors.newFixedThreadPool(threads);
			var permits = new Semaphore(threads * 256);
			var failure = new AtomicReference<RuntimeException>();
			var count = new int[1];
			try {
				target.clear();
				rows.eachPublished(entry -> {
					permits.acquireUninterruptibly();
					workers.execute(() -> {
						try {
							target.put(entry);
						}
						catch (RuntimeException e) {
							failure.compareAndSet(null, e);
						}
						finally {
							permits.release();
						}
					});
					count[0]++;
				});
			}
			finally {
				workers.shutdown();
				try {
					workers.awaitTermination(1, TimeUnit.HOURS);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				rebuilding = false;
			}
			if (failure.get() != null) {
				throw failure.get();
			}
			seen.clear();
			cursor = now.minus(OVERLAP);
			target.commit(cursor.toString());
			target.refresh();
			uncommitted.set(0);
			log.info("Knowledge index rebuilt: {} published articles in {} ms", count[0],
					(System.nanoTime() - started) / 1_000_000);
			return count[0];
		}
	}

	/** Re-reads the articles into the index once the current transaction commits (at once without one). */
	void afterCommit(Collection<Long> ids) {
		var copy = List.copyOf(new LinkedHashSet<>(ids));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					reindex(copy);
				}
			});
		}
		else {
			reindex(copy);
		}
	}

	void reindex(Collection<Long> ids) {
		for (var id : ids) {
			var target = index();
			rows.entry(id).ifPresentOrElse(target::put, () -> target.remove(id));
		}
		// during a rebuild searches keep the old view; the rebuild's own refresh shows both at once
		if (!rebuilding) {
			index().refresh();
		}
		uncommitted.addAndGet(ids.size());
	}

	/** Takes synonyms from the database; queries use them at once. */
	void useSynonyms() {
		var groups = synonyms.all().stream().map(g -> g.terms()).toList();
		index().useSynonyms(ChineseText.synonyms(groups));
		synonymsInUse = groups;
	}

	/** Follows the database's changes (those of other nodes) and commits what is pending. */
	@Scheduled(fixedDelayString = "${minsheng.knowledge.sync-interval:10s}",
			initialDelayString = "${minsheng.knowledge.sync-interval:10s}")
	void followAndCommit() {
		if (!ready) {
			return;
		}
		synchronized (sync) {
			follow();
		}
	}

	private void follow() {
		if (!synonyms.all().stream().map(g -> g.terms()).toList().equals(synonymsInUse)) {
			useSynonyms();
		}
		var changes = rows.changedSince(cursor.minus(OVERLAP));
		var changed = new LinkedHashSet<Long>();
		var latest = cursor;
		for (var change : changes) {
			long id = (Long) change[0];
			var at = (OffsetDateTime) change[1];
			if (!at.equals(seen.get(id))) {
				changed.add(id);
				seen.put(id, at);
			}
			if (at.isAfter(latest)) {
				latest = at;
			}
		}
		if (!changed.isEmpty()) {
			reindex(changed);
		}
		cursor = latest;
		var horizon = cursor.minus(OVERLAP.multipliedBy(2));
		seen.values().removeIf(at -> at.isBefore(horizon));
		if (uncommitted.getAndSet(0) > 0 || !changed.isEmpty()) {
			index().commit(cursor.toString());
		}
	}

	@Override
	public void destroy() {
		synchronized (sync) {
			if (index == null) {
				return;
			}
			if (cursor != null && uncommitted.get() > 0) {
				index.commit(cursor.toString());
			}
			index.close();
		}
	}
}
