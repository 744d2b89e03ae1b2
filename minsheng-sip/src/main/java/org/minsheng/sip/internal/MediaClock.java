package org.minsheng.sip.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One platform thread that ticks every 20 ms for everything that sends generated audio (prompts, music on hold).
 * One clock for all calls keeps the thread count flat however many calls are up.
 */
final class MediaClock implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(MediaClock.class);

	interface Ticker {
		/** Sends one 20 ms frame; returns false when done, which removes the ticker. */
		boolean tick();
	}

	private final Set<Ticker> tickers = ConcurrentHashMap.newKeySet();
	private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "minsheng-media-clock");
		t.setDaemon(true);
		t.setPriority(Thread.MAX_PRIORITY);
		return t;
	});

	MediaClock() {
		clock.scheduleAtFixedRate(this::tickAll, 20, 20, TimeUnit.MILLISECONDS);
	}

	void add(Ticker ticker) {
		tickers.add(ticker);
	}

	void remove(Ticker ticker) {
		tickers.remove(ticker);
	}

	private void tickAll() {
		for (Ticker t : tickers) {
			try {
				if (!t.tick()) tickers.remove(t);
			} catch (RuntimeException e) {
				tickers.remove(t);
				log.warn("media ticker failed", e);
			}
		}
	}

	@Override
	public void close() {
		clock.shutdownNow();
	}
}
