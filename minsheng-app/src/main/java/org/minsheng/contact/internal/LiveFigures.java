package org.minsheng.contact.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.minsheng.contact.AgentState;
import org.minsheng.contact.ContactCenter.LiveStats;
import org.minsheng.contact.ContactCenter.MediaFigures;
import org.minsheng.contact.ContactCenter.QueueStats;
import org.minsheng.contact.ContactCenter.TrendSlot;
import org.minsheng.sip.CallId;
import org.minsheng.sip.SipEngine;

/**
 * The wallboard's figures of the moment (实时监控): per queue the callers waiting, the longest wait,
 * staffing, and the day's entered, answered and abandoned calls with the service level and the
 * abandon rate; agents by state; the engine's calls and media. The day counts stored calls and
 * the calls still going on alike.
 */
final class LiveFigures {

	/** A quarter hour in seconds: the trend's step. */
	private static final int QUARTER = 900;

	private final CallLog callLog;

	private final ContactSettings settings;

	private final Map<CallId, CallTrace> live;

	private final Acd acd;

	private final Clock clock;

	LiveFigures(CallLog callLog, ContactSettings settings, Map<CallId, CallTrace> live, Acd acd, Clock clock) {
		this.callLog = callLog;
		this.settings = settings;
		this.live = live;
		this.acd = acd;
		this.clock = clock;
	}

	/** The queues, agents and media as they are now, with the day's figures (since midnight, Asia/Shanghai). */
	LiveStats now(CallPlan p, SipEngine engine) {
		var today = callLog.today(settings.serviceLevelTarget());
		// calls still in progress count too (their events are stored when they end)
		var target = settings.serviceLevelTarget().toMillis();
		forEachLiveEventToday((e, midnight) -> {
			boolean inTarget = e.waitMillis() != null && e.waitMillis() <= target;
			today.computeIfAbsent(e.queue(), k -> new QueueTally()).add(e.event(), 1, inTarget ? 1 : 0);
		});
		var now = clock.instant();
		var queues = new ArrayList<QueueStats>();
		for (var q : p.queues().values().stream().sorted(Comparator.comparing(QueuePlan::name)).toList()) {
			var tally = today.getOrDefault(q.name(), new QueueTally());
			long finished = tally.finished();
			long available = acd.seats().stream().filter(s -> s.state() == AgentState.AVAILABLE)
				.filter(s -> q.qualifies(s, Duration.ofDays(1))).count();
			queues.add(new QueueStats(q.name(), q.label(), q.strategy().name(), q.strategy().label(), acd.waitingIn(q.name()),
					acd.oldestIn(q.name()).map(t -> Duration.between(t, now).toSeconds()).orElse(0L), acd.staffing(q),
					available, tally.entered, tally.answered, tally.abandoned,
					finished == 0 ? null : (double) tally.answeredInTarget / finished,
					finished == 0 ? null : (double) tally.abandoned / finished));
		}
		var byState = new EnumMap<AgentState, Long>(AgentState.class);
		for (var st : AgentState.values()) byState.put(st, 0L);
		for (var s : acd.seats()) byState.merge(s.state(), 1L, Long::sum);
		var e = engine;
		var st = e == null ? null : e.stats();
		return new LiveStats(OffsetDateTime.now(clock), queues, byState, e == null ? 0 : e.activeCalls(),
				acd.decisionP99Millis(), st == null ? null
						: new MediaFigures(st.streamsClosed(), st.audioReceived(), st.audioLost(), st.callerAudioReceived(),
								st.callerAudioLost(), st.jitterP99Millis(),
								st.requests(), st.throttled()));
	}

	/**
	 * Today's calls in the plan's queues by quarter hour, stored and still going on, from midnight to
	 * the quarter of now (the calls the center places for agents are not in the plan's queues).
	 */
	List<TrendSlot> todayTrend(CallPlan p) {
		var queues = p.queues().keySet();
		var byQuarter = callLog.todayByQuarter(queues);
		forEachLiveEventToday((e, midnight) -> {
			if (queues.contains(e.queue())) byQuarter
			.computeIfAbsent((int) (Duration.between(midnight, e.at()).toSeconds() / QUARTER), k -> new QueueTally())
			.add(e.event(), 1, 0);
		});
		var midnight = LocalDate.now(clock.withZone(CallLog.CHINA)).atStartOfDay(CallLog.CHINA);
		int upTo = (int) (Duration.between(midnight.toInstant(), clock.instant()).toSeconds() / QUARTER);
		var slots = new ArrayList<TrendSlot>(upTo + 1);
		for (int i = 0; i <= upTo; i++) {
			var tally = byQuarter.getOrDefault(i, new QueueTally());
			slots.add(new TrendSlot(midnight.plusSeconds((long) i * QUARTER).toOffsetDateTime(), tally.entered,
					tally.answered, tally.abandoned));
		}
		return slots;
	}

	/** The queue events of today of the calls still going on (theirs are stored when they end). */
	private void forEachLiveEventToday(BiConsumer<CallTrace.QueueEvent, Instant> each) {
		var midnight = LocalDate.now(clock.withZone(CallLog.CHINA)).atStartOfDay(CallLog.CHINA).toInstant();
		for (var trace : live.values()) {
			List<CallTrace.QueueEvent> events;
			synchronized (trace) {
				events = List.copyOf(trace.queueEvents);
			}
			for (var e : events) {
				if (!e.at().isBefore(midnight)) each.accept(e, midnight);
			}
		}
	}

}
