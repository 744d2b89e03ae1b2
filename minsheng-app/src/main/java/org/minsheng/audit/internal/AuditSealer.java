package org.minsheng.audit.internal;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Seals the audit chain in the background on a thread of its own. On shutdown it is woken and
 * joined, never interrupted: an interrupt during file I/O makes H2 close its database file.
 */
@Component
class AuditSealer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

	private final JdbcAuditTrail trail;

	private final Duration interval;

	private volatile boolean running;

	private Thread thread;

	AuditSealer(JdbcAuditTrail trail, @Value("${minsheng.audit.seal-interval:PT1S}") Duration interval) {
		this.trail = trail;
		this.interval = interval;
	}

	@Override
	public void start() {
		running = true;
		thread = Thread.ofPlatform().name("audit-sealer").daemon().start(this::loop);
	}

	private void loop() {
		while (running) {
			try {
				trail.sealIfIdle();
			}
			catch (RuntimeException e) {
				log.warn("Sealing the audit chain failed; it will be tried again", e);
			}
			LockSupport.parkNanos(interval.toNanos());
		}
	}

	@Override
	public void stop() {
		running = false;
		if (thread != null) {
			LockSupport.unpark(thread);
			try {
				// a seal is one transaction and unsealed entries stay queued, so a stuck seal
				// (the database already gone) is left behind rather than waited for
				if (!thread.join(Duration.ofSeconds(3))) {
					log.warn("Audit sealer still busy at shutdown; its entries will be sealed at the next start");
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
