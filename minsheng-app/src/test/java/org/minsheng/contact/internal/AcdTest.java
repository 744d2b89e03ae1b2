package org.minsheng.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minsheng.contact.AgentState;
import org.minsheng.platform.ConflictException;
import org.minsheng.sip.CallId;
import org.minsheng.testsupport.MovableClock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class AcdTest {

	final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T02:00:00Z"));

	final List<Seat.Change> changes = new ArrayList<>();

	final Acd acd = new Acd(clock, changes::add, seat -> true, new SimpleMeterRegistry());

	@AfterEach
	void close() {
		acd.close();
	}

	static QueuePlan queue(String strategy, Map<String, Integer> skills, List<Duration> widen) {
		var s = RoutingStrategy.all().get(strategy);
		if (s instanceof RoutingStrategy.RoundRobin rr) s = rr.fresh();
		return new QueuePlan("q", "q", s, skills, widen, Duration.ofMinutes(2), "voicemail", Duration.ofSeconds(15),
				Duration.ofSeconds(10), 2, Duration.ofSeconds(30), QueuePlan.Callback.NONE);
	}

	Seat available(String agent, Map<String, Integer> skills) {
		var seat = acd.seat(agent, agent.replaceAll("[^0-9]", "") + "00", skills);
		acd.change(seat, s -> s.login(clock.instant()));
		clock.pass(Duration.ofSeconds(1));
		return seat;
	}

	List<String> offerTo(QueuePlan q) {
		var call = acd.enqueue(new CallId("call-" + System.nanoTime()), "13800138000", q, 0, () -> { });
		var offered = call.offer().getNow(List.of());
		return offered.stream().map(Seat::agent).toList();
	}

	void talkAndFree(String agent) {
		var seat = acd.seat(agent).orElseThrow();
		acd.change(seat, s -> s.answered(clock.instant()));
		clock.pass(Duration.ofSeconds(30));
		acd.change(seat, s -> s.hungUp(false, clock.instant()));
		clock.pass(Duration.ofSeconds(1));
	}

	@Test
	void longestIdleOffersTheAgentFreeTheLongest() {
		available("a1", Map.of());
		available("a2", Map.of());
		available("a3", Map.of());
		var q = queue("longest-idle", Map.of(), List.of());

		assertThat(offerTo(q)).containsExactly("a1");
		talkAndFree("a1");
		assertThat(offerTo(q)).containsExactly("a2");
		assertThat(offerTo(q)).containsExactly("a3");
		assertThat(offerTo(q)).containsExactly("a1");
	}

	@Test
	void roundRobinTakesTurnsAndRemembersWhereItStopped() {
		available("a1", Map.of());
		available("a2", Map.of());
		available("a3", Map.of());
		var q = queue("round-robin", Map.of(), List.of());

		var order = new ArrayList<String>();
		for (int i = 0; i < 4; i++) {
			var agent = offerTo(q).getFirst();
			order.add(agent);
			talkAndFree(agent);
		}
		assertThat(order).containsExactly("a1", "a2", "a3", "a1");
	}

	@Test
	void fewestCallsOffersTheAgentWhoAnsweredLeast() {
		available("a1", Map.of());
		available("a2", Map.of());
		var q = queue("fewest-calls", Map.of(), List.of());
		talkAndFree(offerTo(q).getFirst());
		talkAndFree(offerTo(q).getFirst());
		talkAndFree(offerTo(q).getFirst());

		assertThat(acd.seat("a1").orElseThrow().answered() + acd.seat("a2").orElseThrow().answered()).isEqualTo(3);
		var least = acd.seat("a1").orElseThrow().answered() < acd.seat("a2").orElseThrow().answered() ? "a1" : "a2";
		assertThat(offerTo(q)).containsExactly(least);
	}

	@Test
	void randomOffersSomeEligibleAgent() {
		available("a1", Map.of());
		available("a2", Map.of());
		var q = queue("random", Map.of(), List.of());

		assertThat(offerTo(q)).hasSize(1).first().isIn("a1", "a2");
	}

	@Test
	void ringAllOffersEveryEligibleAgent() {
		available("a1", Map.of());
		available("a2", Map.of());
		acd.change(available("a3", Map.of()), s -> s.takeBreak("用餐", clock.instant()));

		assertThat(offerTo(queue("ring-all", Map.of(), List.of()))).containsExactly("a1", "a2");
	}

	@Test
	void skillsOffersTheMostProficientAgent() {
		available("a1", Map.of("社保", 3));
		available("a2", Map.of("社保", 5));
		available("a3", Map.of("医保", 5));

		assertThat(offerTo(queue("skills", Map.of("社保", 3), List.of()))).containsExactly("a2");
	}

	@Test
	void skillsRequirementWidensAsTheCallerWaits() {
		available("junior", Map.of("社保", 2));
		var q = queue("skills", Map.of("社保", 4), List.of(Duration.ofSeconds(20), Duration.ofSeconds(40)));
		var call = acd.enqueue(new CallId("c1"), "13800138000", q, 0, () -> { });
		assertThat(call.offer()).isNotDone();

		clock.pass(Duration.ofSeconds(25));
		acd.match();
		assertThat(call.offer()).isNotDone(); // level 3 needed now

		clock.pass(Duration.ofSeconds(20));
		acd.match();
		assertThat(call.offer().getNow(List.of())).extracting(Seat::agent).containsExactly("junior");
	}

	@Test
	void priorityCallerJumpsTheLine() {
		var q = queue("longest-idle", Map.of(), List.of());
		var first = acd.enqueue(new CallId("first"), "13800000001", q, 0, () -> { });
		clock.pass(Duration.ofSeconds(5));
		var vip = acd.enqueue(new CallId("vip"), "13800000002", q, 10, () -> { });
		assertThat(acd.position(vip)).isEqualTo(1);
		assertThat(acd.position(first)).isEqualTo(2);

		available("a1", Map.of());

		assertThat(vip.offer()).isDone();
		assertThat(first.offer()).isNotDone();
	}

	@Test
	void agentWhoLetsCallsRingOutIsPutOnBreak() {
		var seat = available("a1", Map.of());
		var q = queue("longest-idle", Map.of(), List.of());

		offerTo(q);
		acd.change(seat, s -> s.missed(2, clock.instant()));
		assertThat(seat.state()).isEqualTo(AgentState.AVAILABLE);
		offerTo(q);
		acd.change(seat, s -> s.missed(2, clock.instant()));

		assertThat(seat.state()).isEqualTo(AgentState.ON_BREAK);
		assertThat(seat.reason()).isEqualTo("未接超限");
	}

	@Test
	void wrapUpHoldsTheNextCallUntilItEnds() throws Exception {
		var seat = available("a1", Map.of());
		var q = queue("longest-idle", Map.of(), List.of());
		offerTo(q);
		acd.change(seat, s -> s.answered(clock.instant()));
		var ended = acd.change(seat, s -> s.hungUp(true, clock.instant()));
		var next = acd.enqueue(new CallId("next"), "13800000003", q, 0, () -> { });
		assertThat(next.offer()).isNotDone();

		acd.wrapUp(seat, ended.at(), Duration.ofMillis(50));

		assertThat(next.offer().get(2, java.util.concurrent.TimeUnit.SECONDS)).extracting(Seat::agent).containsExactly("a1");
	}

	@Test
	void refusesABreakDuringACallNamingTheState() {
		var seat = available("a1", Map.of());
		offerTo(queue("longest-idle", Map.of(), List.of()));
		acd.change(seat, s -> s.answered(clock.instant()));

		assertThatThrownBy(() -> seat.takeBreak("用餐", clock.instant())).isInstanceOf(ConflictException.class)
			.hasMessage("坐席「a1」当前为「通话中」，不能置为小休");
	}

	@Test
	void everyChangeIsReported() {
		var seat = available("a1", Map.of());
		acd.change(seat, s -> s.takeBreak("培训", clock.instant()));
		acd.change(seat, s -> s.logout(clock.instant()));

		assertThat(changes).extracting(Seat.Change::to)
			.containsExactly(AgentState.AVAILABLE, AgentState.ON_BREAK, AgentState.LOGGED_OUT);
	}
}
