package org.minsheng.contact.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.minsheng.contact.AgentState;
import org.minsheng.sip.CallId;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The automatic call distributor: callers waiting in queues, agents' seats, and the matching of the
 * two. Matching runs whenever either side changes (a caller arrives, an agent becomes free, a wait
 * step widens the skills); callers are served by priority, then by arrival. Pure of Spring and SIP:
 * the seat changes go to {@code onChange}, reachability of a phone is asked of {@code reachable}.
 * How long each decision takes goes to a Micrometer timer ({@link #DECISION_TIMER}), with its
 * percentiles, for the wallboard and for a monitoring system at {@code /actuator/prometheus}.
 */
final class Acd implements AutoCloseable {

	private static final Comparator<WaitingCall> LINE = Comparator.<WaitingCall>comparingInt(w -> -w.priority)
		.thenComparing(w -> w.enqueuedAt).thenComparing(w -> w.callId.value());

	private final Map<String, Seat> seats = new ConcurrentHashMap<>();

	private final List<WaitingCall> waiting = new ArrayList<>();

	private final Clock clock;

	private final Consumer<Seat.Change> onChange;

	private final Predicate<Seat> reachable;

	/** The timer of the routing decisions: one per waiting caller looked at in a round of matching. */
	static final String DECISION_TIMER = "minsheng.acd.decision";

	private final Timer decisions;

	private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
		var t = new Thread(r, "acd-timers");
		t.setDaemon(true);
		return t;
	});

	Acd(Clock clock, Consumer<Seat.Change> onChange, Predicate<Seat> reachable, MeterRegistry meters) {
		this.clock = clock;
		this.decisions = Timer.builder(DECISION_TIMER)
			.description("ACD routing decision: the free agents a waiting caller qualifies for, and the choice among them")
			.publishPercentiles(0.5, 0.95, 0.99)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofNanos(500))
			.maximumExpectedValue(Duration.ofMillis(100))
			.register(meters);
		this.onChange = onChange;
		this.reachable = reachable;
		// widening steps are time-based: look again every second for calls that now qualify more agents
		timers.scheduleWithFixedDelay(() -> {
			try {
				match();
			}
			catch (RuntimeException e) {
				// a failed round must not end the periodic task
				LoggerFactory.getLogger(Acd.class).warn("matching failed", e);
			}
		}, 1, 1, TimeUnit.SECONDS);
	}

	Instant now() {
		return clock.instant();
	}

	Seat seat(String agent, String extension, Map<String, Integer> skills) {
		var seat = seats.computeIfAbsent(agent, a -> new Seat(a, extension, skills, now()));
		seat.account(extension, skills);
		return seat;
	}

	Optional<Seat> seat(String agent) {
		return Optional.ofNullable(seats.get(agent));
	}

	List<Seat> seats() {
		return seats.values().stream().sorted(Comparator.comparing(Seat::agent)).toList();
	}

	/** Applies a change made by the agent or a supervisor, then matches (a free agent may take a call). */
	Seat.Change change(Seat seat, Function<Seat, Seat.Change> step) {
		var change = step.apply(seat);
		if (change != null) onChange.accept(change);
		match();
		return change;
	}

	WaitingCall enqueue(CallId callId, String caller, QueuePlan queue, int priority, Runnable wake) {
		return enqueue(callId, caller, queue, priority, now(), wake);
	}

	/** In line with the place of a caller who started waiting then (a callback owed since before a restart). */
	WaitingCall enqueue(CallId callId, String caller, QueuePlan queue, int priority, Instant enqueuedAt, Runnable wake) {
		var call = new WaitingCall(callId, caller, queue, priority, enqueuedAt, wake);
		synchronized (this) {
			waiting.add(call);
		}
		match();
		return call;
	}

	/** Back in line (same place) after the agents rang out. */
	void requeue(WaitingCall call) {
		call.rearm();
		synchronized (this) {
			if (!waiting.contains(call)) waiting.add(call);
		}
		match();
	}

	/** Moves a caller to another queue (overflow), keeping the time they started waiting. */
	void move(WaitingCall call, QueuePlan to) {
		call.queue = to;
		requeue(call);
	}

	/** Leaves the line: hung up, overflowed or about to be connected. */
	synchronized void leave(WaitingCall call) {
		waiting.remove(call);
	}

	/** 1 for the next caller to be served in the queue. */
	synchronized int position(WaitingCall call) {
		int pos = 1;
		for (var w : waiting) {
			if (w != call && w.queue.name().equals(call.queue.name()) && LINE.compare(w, call) < 0) pos++;
		}
		return pos;
	}

	synchronized int waitingIn(String queue) {
		return (int) waiting.stream().filter(w -> w.queue.name().equals(queue)).count();
	}

	synchronized Optional<Instant> oldestIn(String queue) {
		return waiting.stream().filter(w -> w.queue.name().equals(queue)).map(w -> w.enqueuedAt).min(Instant::compareTo);
	}

	/** Agents signed in who could take calls of the queue now (any state but logged out). */
	long staffing(QueuePlan queue) {
		return seats.values().stream().filter(s -> s.state() != AgentState.LOGGED_OUT)
			.filter(s -> queue.qualifies(s, Duration.ofDays(1))).count();
	}

	/** Matches waiting callers with free agents until no more pairs can be made. */
	void match() {
		List<Runnable> wakes = new ArrayList<>();
		List<Seat.Change> changes = new ArrayList<>();
		synchronized (this) {
			if (waiting.isEmpty()) return;
			waiting.sort(LINE);
			var now = now();
			for (var it = waiting.iterator(); it.hasNext();) {
				var call = it.next();
				long started = System.nanoTime();
				var waited = Duration.between(call.enqueuedAt, now);
				var eligible = seats.values().stream()
					.filter(s -> s.state() == AgentState.AVAILABLE)
					.filter(s -> call.queue.qualifies(s, waited))
					.filter(reachable)
					.toList();
				if (eligible.isEmpty()) {
					decisions.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
					continue;
				}
				var chosen = call.queue.strategy().choose(eligible, call.queue);
				var offered = new ArrayList<Seat>();
				for (var seat : chosen) {
					try {
						changes.add(seat.offer(call.callId, now));
						offered.add(seat);
					}
					catch (RuntimeException raced) {
						// the agent changed state meanwhile (took a break); the others still ring
					}
				}
				decisions.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
				if (offered.isEmpty()) continue;
				it.remove();
				wakes.add(() -> call.offered(offered));
			}
		}
		changes.forEach(onChange);
		wakes.forEach(Runnable::run);
	}

	/** Schedules the end of an agent's wrap-up. */
	void wrapUp(Seat seat, Instant startedAt, Duration length) {
		timers.schedule(() -> {
			var change = seat.wrapUpOver(startedAt, now());
			if (change != null) {
				onChange.accept(change);
				match();
			}
		}, Math.max(0, length.toMillis()), TimeUnit.MILLISECONDS);
	}

	/** The 99th percentile of the recent routing decisions, in milliseconds (0 before the first). */
	double decisionP99Millis() {
		for (var p : decisions.takeSnapshot().percentileValues()) {
			if (p.percentile() == 0.99) return p.value(TimeUnit.MILLISECONDS);
		}
		return 0;
	}

	@Override
	public void close() {
		timers.shutdownNow();
	}
}
