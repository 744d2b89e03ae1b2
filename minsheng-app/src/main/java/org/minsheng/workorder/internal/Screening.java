package org.minsheng.workorder.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.minsheng.workorder.RegistrationScreen;
import org.minsheng.workorder.WorkOrderNo;
import org.minsheng.workorder.WorkOrderView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the registration screens (risk, near-duplicates, bursts) after the registration has
 * committed, so a screen that fails never fails or loses a citizen's request.
 * <p>
 * The registration writes a row in {@code work_order_screening} in its own transaction; once it
 * commits, the screening is queued for one of two workers, by district. A worker takes what has queued up (at most
 * {@value #BATCH}) and screens it in one transaction, so that under load an order costs a share of
 * two commits instead of two; when anything in the batch fails, each of its orders is screened again
 * on its own, every screen in a transaction of its own, so that only the failing one is marked.
 * When all pass the row is deleted; when one fails the row says so (shown on the order), and the
 * sweep runs it again after 30 s, 1 min, 2 min … up to an hour. A row whose runner died with its
 * node (a crash, a full queue) is taken by the sweep once its lease has run out. Screens must
 * therefore bear being run twice for the same order.
 */
@Component
class Screening implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Screening.class);

	/** How long a runner holds a screening before the sweep may take it again. */
	private static final Duration LEASE = Duration.ofMinutes(2);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(30);

	private static final Duration LAST_RETRY = Duration.ofHours(1);

	private static final int SWEEP_BATCH = 200;

	/** At most this many orders are screened in one transaction. */
	static final int BATCH = 32;

	private static final int WORKERS = 2;

	private final JdbcTemplate jdbc;

	private final List<RegistrationScreen> screens;

	private final TransactionTemplate tx;

	private final Clock clock;

	/**
	 * The orders waiting, one queue per worker, made anew at each start; what does not fit waits for
	 * the sweep. An order goes to the queue of its district (the first six digits of its division
	 * code), so that orders of one district, which the screens compare with each other, are screened
	 * one after another by one worker and each sees the ones before it; two workers screening the same
	 * district at once in transactions of their own would each miss the other's orders.
	 */
	private volatile List<BlockingQueue<Queued>> queues = List.of();

	/** Two workers keep up with the registrations of two cores. Made anew at each start. */
	private volatile List<Thread> workers = List.of();

	private volatile boolean running;

	Screening(JdbcTemplate jdbc, ObjectProvider<RegistrationScreen> screens, TransactionTemplate tx, Clock clock) {
		this.jdbc = jdbc;
		this.screens = screens.orderedStream().toList();
		this.tx = tx;
		this.clock = clock;
	}

	/**
	 * Notes, in the registration's transaction, that the order is to be screened, and hands it with its
	 * text to a worker once the transaction commits (nothing runs when it rolls back).
	 */
	void enqueue(WorkOrderNo no, String title, String content, String divisionCode) {
		var now = OffsetDateTime.now(clock);
		jdbc.update("insert into work_order_screening (no, state, attempts, next_attempt_at, updated_at)"
				+ " values (?, 'PENDING', 0, ?, ?)", no.value(), now.plus(LEASE), now);
		if (screens.isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()) return;
		var text = new Text(title, content, divisionCode);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				submit(no, text);
			}
		});
	}

	/** What the screens read of an order. */
	record Text(String title, String content, String divisionCode) {
	}

	/** An order waiting for a worker, with its text. */
	record Queued(WorkOrderNo no, Text text) {
	}

	private void submit(WorkOrderNo no, Text text) {
		var all = queues;
		if (!running || all.isEmpty()) return;
		// when the queue is full the row stays; the sweep takes it when its lease has run out
		all.get(partition(text.divisionCode(), all.size())).offer(new Queued(no, text));
	}

	/** The queue of a division code's district; orders without one go to the first. */
	static int partition(String divisionCode, int queues) {
		if (divisionCode == null || divisionCode.length() < 6) return 0;
		return Math.floorMod(divisionCode.substring(0, 6).hashCode(), queues);
	}

	/** A worker: takes what has queued up in its queue, up to a batch, until stopped. */
	private void work(BlockingQueue<Queued> waiting) {
		var batch = new ArrayList<Queued>(BATCH);
		while (running || !waiting.isEmpty()) {
			try {
				var first = waiting.poll(500, TimeUnit.MILLISECONDS);
				if (first == null) continue;
				batch.add(first);
				waiting.drainTo(batch, BATCH - 1);
				runBatch(batch);
			}
			catch (InterruptedException e) {
				return;
			}
			catch (RuntimeException e) {
				log.warn("Screening worker: a batch could not be run; its orders wait for the sweep", e);
			}
			finally {
				batch.clear();
			}
		}
	}

	/**
	 * Screens freshly registered orders together: claims them in one transaction, runs every screen
	 * of every order in a second and ends their screenings there. When that fails, each order is run
	 * again on its own.
	 */
	void runBatch(List<Queued> batch) {
		if (batch.size() == 1) {
			run(batch.getFirst().no(), 0, batch.getFirst().text());
			return;
		}
		var now = OffsetDateTime.now(clock);
		var claims = batch.stream().map(q -> new Object[] { now.plus(LEASE), now, q.no().value() }).toList();
		int[] counts = tx.execute(status -> jdbc.batchUpdate("update work_order_screening set attempts = attempts + 1,"
				+ " next_attempt_at = ?, updated_at = ? where no = ? and attempts = 0", claims));
		var mine = new ArrayList<Queued>();
		for (int i = 0; i < batch.size(); i++) {
			// a driver that does not count batched rows says so (a negative number); only the sweep could
			// compete, and it takes no fresh row before its lease has run out
			if (counts[i] != 0) mine.add(batch.get(i));
		}
		if (mine.isEmpty()) return;
		try {
			tx.executeWithoutResult(status -> {
				for (var q : mine) {
					for (var screen : screens) {
						screen.screen(q.no(), q.text().title(), q.text().content(), q.text().divisionCode());
					}
				}
				jdbc.batchUpdate("delete from work_order_screening where no = ?",
						mine.stream().map(q -> new Object[] { q.no().value() }).toList());
			});
		}
		catch (RuntimeException e) {
			log.debug("A batch of {} screenings failed; each runs again on its own", mine.size(), e);
			for (var q : mine) runClaimed(q.no(), 1, q.text());
		}
	}

	/** Takes the due screenings (failed ones whose delay has passed, and lost ones) and runs them. */
	@Scheduled(fixedDelayString = "${minsheng.workorder.screening-sweep-interval:10s}",
			initialDelayString = "${minsheng.workorder.screening-sweep-interval:10s}")
	void sweep() {
		try {
			sweepNow();
		}
		catch (RuntimeException e) {
			log.warn("Screening sweep failed; it runs again at the next interval", e);
		}
	}

	/** Runs every due screening now, in this thread; returns how many it ran. */
	int sweepNow() {
		var due = jdbc.query("select no, attempts from work_order_screening where next_attempt_at <= ?"
				+ " order by next_attempt_at fetch first " + SWEEP_BATCH + " rows only",
				(rs, n) -> new Object[] { rs.getString(1), rs.getInt(2) }, OffsetDateTime.now(clock));
		int ran = 0;
		for (var row : due) {
			if (run(new WorkOrderNo((String) row[0]), (int) row[1], null)) ran++;
		}
		return ran;
	}

	/**
	 * Claims the screening (attempts raised from the value seen, the lease renewed) and runs every
	 * screen, each in a transaction of its own; the last one also ends the screening, so a screening
	 * that passes costs two commits. False when another runner had it first. The text is read from
	 * the order when the caller does not bring it (the sweep).
	 */
	boolean run(WorkOrderNo no, int attemptsSeen, Text known) {
		var now = OffsetDateTime.now(clock);
		int claimed = jdbc.update("update work_order_screening set attempts = attempts + 1, next_attempt_at = ?,"
				+ " updated_at = ? where no = ? and attempts = ?", now.plus(LEASE), now, no.value(), attemptsSeen);
		if (claimed == 0) return false;
		runClaimed(no, attemptsSeen + 1, known);
		return true;
	}

	/** Runs every screen of a claimed screening, each in a transaction of its own; {@code attempts} counts this one. */
	private void runClaimed(WorkOrderNo no, int attempts, Text known) {
		try {
			var text = known != null ? known
					: jdbc.query("select title, content, division_code from work_order where order_no = ?",
							(rs, n) -> new Text(rs.getString(1), rs.getString(2), rs.getString(3)), no.value())
						.stream().findFirst().orElse(null);
			if (text == null || screens.isEmpty()) {
				jdbc.update("delete from work_order_screening where no = ?", no.value());
				return;
			}
			for (int i = 0; i < screens.size(); i++) {
				var screen = screens.get(i);
				boolean last = i == screens.size() - 1;
				tx.executeWithoutResult(status -> {
					screen.screen(no, text.title(), text.content(), text.divisionCode());
					if (last) jdbc.update("delete from work_order_screening where no = ?", no.value());
				});
			}
		}
		catch (RuntimeException e) {
			failed(no, attempts, e);
		}
	}

	private void failed(WorkOrderNo no, int attempts, RuntimeException e) {
		var delay = retryDelay(attempts);
		log.warn("Screening of work order {} failed (attempt {}); it runs again in {}", no.value(), attempts, delay, e);
		var now = OffsetDateTime.now(clock);
		var reason = String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
		jdbc.update("update work_order_screening set state = 'FAILED', next_attempt_at = ?, last_error = ?,"
				+ " updated_at = ? where no = ?", now.plus(delay), reason.length() > 500 ? reason.substring(0, 500) : reason,
				now, no.value());
	}

	/** 30 s after the first failure, doubling each time, at most an hour. */
	static Duration retryDelay(int attempts) {
		var delay = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
		return delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay;
	}

	/** The failed screening of an order as the order shows it, or null when none failed. */
	WorkOrderView.ScreeningFailure failure(WorkOrderNo no) {
		return jdbc.query("select attempts, last_error, next_attempt_at from work_order_screening where no = ?"
				+ " and state = 'FAILED'", (rs, n) -> new WorkOrderView.ScreeningFailure(rs.getInt(1), rs.getString(2),
						rs.getObject(3, OffsetDateTime.class)), no.value()).stream().findFirst().orElse(null);
	}

	@Override
	public synchronized void start() {
		var made = new ArrayList<BlockingQueue<Queued>>();
		for (int i = 0; i < WORKERS; i++) made.add(new ArrayBlockingQueue<>(5_000));
		queues = List.copyOf(made);
		running = true;
		var started = new ArrayList<Thread>();
		for (int i = 0; i < WORKERS; i++) {
			var waiting = made.get(i);
			started.add(Thread.ofPlatform().name("screening-" + i).daemon().start(() -> work(waiting)));
		}
		workers = List.copyOf(started);
	}

	/**
	 * Stops taking work (at shutdown, or when a paused context is stopped); the workers finish what
	 * is queued for up to 5 s, the rest stay in the table for the sweep or the next start.
	 */
	@Override
	public synchronized void stop() {
		running = false;
		var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		for (var worker : workers) {
			try {
				long left = deadline - System.nanoTime();
				if (left > 0) worker.join(java.time.Duration.ofNanos(left));
				if (worker.isAlive()) worker.interrupt();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		workers = List.of();
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
