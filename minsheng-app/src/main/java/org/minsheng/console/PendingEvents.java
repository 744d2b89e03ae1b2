package org.minsheng.console;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.RunAs;
import org.minsheng.notification.NoticesSent;
import org.minsheng.workorder.WorkOrderClosed;
import org.minsheng.workorder.WorkOrderDispatched;
import org.minsheng.workorder.WorkOrderRegistered;
import org.minsheng.workorder.WorkOrderReplied;
import org.minsheng.workorder.WorkOrderReturned;
import org.minsheng.workorder.WorkOrderSupervised;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The bell, live (server-sent events on {@code /console/pending/events}): a notice addressed to the
 * person shows at once as a toast and brings fresh counts; a step on any order marks every open
 * console to be counted again, each at most every {@value #RECOUNT_SECONDS} s, within its own data
 * scope. The page still asks for the counts when the stream is down.
 */
@Controller
class PendingEvents {

	private static final Logger log = LoggerFactory.getLogger(PendingEvents.class);

	static final int RECOUNT_SECONDS = 10;

	/** The open consoles of one person. */
	private static final class Viewer {

		final String username;

		final List<SseEmitter> streams = new CopyOnWriteArrayList<>();

		volatile boolean stale;

		volatile boolean now;

		volatile long countedAt;

		volatile PendingWork.Summary shown;

		Viewer(String username) {
			this.username = username;
		}
	}

	private final Map<Long, Viewer> viewers = new ConcurrentHashMap<>();

	private final PendingWork pending;

	private final CurrentActor current;

	private final RunAs runAs;

	PendingEvents(PendingWork pending, CurrentActor current, RunAs runAs) {
		this.pending = pending;
		this.current = current;
		this.runAs = runAs;
	}

	@GetMapping(path = "/console/pending/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter events() {
		var me = current.get();
		var emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
		var viewer = viewers.computeIfAbsent(me.userId().value(), id -> new Viewer(me.username()));
		viewer.streams.add(emitter);
		Runnable gone = () -> {
			viewer.streams.remove(emitter);
			viewers.computeIfPresent(me.userId().value(), (id, v) -> v.streams.isEmpty() ? null : v);
		};
		emitter.onCompletion(gone);
		emitter.onTimeout(gone);
		emitter.onError(e -> gone.run());
		var summary = pending.summary();
		viewer.shown = summary;
		viewer.countedAt = System.nanoTime();
		send(emitter, "pending", summary);
		return emitter;
	}

	/** Notices for people with a console open: shown once the step that made them has committed. */
	@EventListener
	void on(NoticesSent sent) {
		if (viewers.isEmpty()) return;
		afterCommit(() -> {
			for (var id : sent.recipientIds()) {
				var viewer = viewers.get(id);
				if (viewer == null) continue;
				var notice = Map.of("kind", sent.kind(), "title", sent.title(), "body", sent.body() == null ? "" : sent.body(),
						"link", sent.link() == null ? "" : sent.link());
				viewer.streams.forEach(s -> send(s, "notice", notice));
				viewer.now = true;
				viewer.stale = true;
			}
		});
	}

	/** A step that changes what waits for whom: every open console is counted again. */
	@EventListener({ WorkOrderRegistered.class, WorkOrderDispatched.class, WorkOrderReplied.class,
			WorkOrderReturned.class, WorkOrderClosed.class, WorkOrderSupervised.class })
	void onOrderChanged() {
		if (!viewers.isEmpty()) afterCommit(this::allStale);
	}

	private void allStale() {
		viewers.values().forEach(v -> v.stale = true);
	}

	/** Counts again for the consoles whose counts may have changed, and sends what differs. */
	@Scheduled(fixedDelay = 1000, initialDelay = 1000)
	void recount() {
		long nowNanos = System.nanoTime();
		for (var viewer : viewers.values()) {
			if (!viewer.stale) continue;
			if (!viewer.now && nowNanos - viewer.countedAt < Duration.ofSeconds(RECOUNT_SECONDS).toNanos()) continue;
			viewer.stale = false;
			viewer.now = false;
			viewer.countedAt = nowNanos;
			try {
				var summary = runAs.asUser(viewer.username, pending::summary);
				if (summary.equals(viewer.shown)) continue;
				viewer.shown = summary;
				viewer.streams.forEach(s -> send(s, "pending", summary));
			}
			catch (RuntimeException e) {
				log.debug("Pending counts for {} could not be had: {}", viewer.username, e.getMessage());
			}
		}
	}

	/**
	 * The server is stopping: the streams end now, so the graceful shutdown does not wait for browsers
	 * that would keep them open (their pages reconnect to the next server by themselves).
	 */
	@EventListener(ContextClosedEvent.class)
	void endStreams() {
		viewers.values().forEach(v -> v.streams.forEach(SseEmitter::complete));
		viewers.clear();
	}

	private static void afterCommit(Runnable push) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			push.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				push.run();
			}
		});
	}

	private static void send(SseEmitter emitter, String name, Object data) {
		try {
			emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
		}
		catch (IOException | IllegalStateException e) {
			emitter.completeWithError(e);
		}
	}
}
