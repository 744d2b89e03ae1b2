package org.minsheng.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sustained audit appends, one entry per transaction as business code writes them, from several
 * threads, with the sealer chaining them as it does in production; then verification of a chain
 * of the requested length.
 */
final class AuditLoad {

	static void run(String db, int seconds, int threads, int chainLength, int rate) throws Exception {
		try (var databases = new Databases()) {
			var context = databases.start(db);
			var trail = context.getBean(AuditTrail.class);
			var tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			var jdbc = context.getBean(JdbcTemplate.class);
			var detail = "username=zhang.san, department=17, roles=[HANDLER], from=南山区人民政府";

			warmUp(trail, tx, detail);
			long before = count(jdbc, "select count(*) from audit_entry");
			var appended = new AtomicLong();
			var stop = new AtomicBoolean();
			long maxBacklog = 0;
			long start = System.nanoTime();
			// with a rate, each thread paces itself to rate/threads appends per second
			long nanosPerAppend = rate > 0 ? 1_000_000_000L * threads / rate : 0;
			try (var pool = Executors.newFixedThreadPool(threads)) {
				for (int t = 0; t < threads; t++) {
					pool.submit(() -> {
						long i = 0;
						long next = System.nanoTime();
						while (!stop.get()) {
							long n = i++;
							tx.executeWithoutResult(s -> trail.record(
									AuditRecord.of(AuditAction.USER_MOVED, "user", n, detail).by("bench").from("10.0.0.1")));
							appended.incrementAndGet();
							if (nanosPerAppend > 0) {
								next += nanosPerAppend;
								long wait = next - System.nanoTime();
								if (wait > 0) {
									java.util.concurrent.locks.LockSupport.parkNanos(wait);
								}
							}
						}
					});
				}
				for (int s = 0; s < seconds; s++) {
					Thread.sleep(1000L);
					maxBacklog = Math.max(maxBacklog, count(jdbc, "select count(*) from audit_pending"));
				}
				stop.set(true);
			}
			double appendSeconds = (System.nanoTime() - start) / 1e9;
			long sealedDuringRun = count(jdbc, "select count(*) from audit_entry where seq is not null") - before;
			long drainStart = System.nanoTime();
			trail.seal();
			double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
			long total = appended.get();
			System.out.printf("audit append (%s, %s): %d entries in %.1f s from %d threads = %.0f entries/s; "
					+ "%d sealed during the run, largest backlog %d, remaining %d sealed in %.2f s => chained %.0f entries/s%n",
					db, rate > 0 ? "offered " + rate + "/s" : "unpaced", total, appendSeconds, threads,
					total / appendSeconds, sealedDuringRun, maxBacklog, total - sealedDuringRun, drainSeconds,
					total / (appendSeconds + drainSeconds));

			long have = count(jdbc, "select count(*) from audit_entry");
			var batch = new ArrayList<AuditRecord>(10_000);
			long sealStart = System.nanoTime();
			long added = 0;
			while (have + added < chainLength) {
				batch.clear();
				for (int i = 0; i < 10_000 && have + added < chainLength; i++, added++) {
					batch.add(AuditRecord.of(AuditAction.LOGIN, "user", added, detail).by("bench").from("10.0.0.2"));
				}
				List<AuditRecord> records = List.copyOf(batch);
				tx.executeWithoutResult(s -> trail.recordAll(records));
				trail.seal();
			}
			if (added > 0) {
				System.out.printf("bulk append+seal (%s): %d entries in %.1f s%n", db, added,
						(System.nanoTime() - sealStart) / 1e9);
			}
			for (int run = 1; run <= 3; run++) {
				var result = trail.verify();
				System.out.printf("verify (%s) run %d: %d entries in %d ms = %.0f entries/s, intact=%s%n", db, run,
						result.checked(), result.millis(), result.checked() * 1000.0 / Math.max(1, result.millis()),
						result.intact());
			}
		}
	}

	private static void warmUp(AuditTrail trail, TransactionTemplate tx, String detail) {
		for (int i = 0; i < 20_000; i++) {
			long n = i;
			tx.executeWithoutResult(s -> trail.record(AuditRecord.of(AuditAction.USER_MOVED, "user", n, detail)));
		}
		trail.seal();
	}

	private static long count(JdbcTemplate jdbc, String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}
}
