package org.minsheng.contact.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a queue picks among the agents free to take its next call. Named policies, chosen per queue
 * in the call plan by name; each is a small object, not a branch in the router.
 */
interface RoutingStrategy {

	String name();

	/**
	 * The agents to ring, best first; usually one, all for ring-all. {@code eligible} holds only
	 * available agents with the skills the call needs now; never empty.
	 */
	List<Seat> choose(List<Seat> eligible, QueuePlan queue);

	/** The agent free longest since their last call: the fairest share of work (Asterisk {@code leastrecent}). */
	RoutingStrategy LONGEST_IDLE = new Named("longest-idle",
			(eligible, queue) -> List.of(eligible.stream().min(Comparator.<Seat, Instant>comparing(Seat::idleSince)
				.thenComparing(Seat::agent)).orElseThrow()));

	/** The one who answered fewest calls today (Asterisk {@code fewestcalls}). */
	RoutingStrategy FEWEST_CALLS = new Named("fewest-calls",
			(eligible, queue) -> List.of(eligible.stream().min(Comparator.<Seat>comparingInt(Seat::answered)
				.thenComparing(Seat::idleSince).thenComparing(Seat::agent)).orElseThrow()));

	/** Anyone, at random (Asterisk {@code random}). */
	RoutingStrategy RANDOM = new Named("random",
			(eligible, queue) -> List.of(eligible.get(ThreadLocalRandom.current().nextInt(eligible.size()))));

	/** Every eligible phone rings; the first to answer takes the call (Asterisk {@code ringall}). */
	RoutingStrategy RING_ALL = new Named("ring-all",
			(eligible, queue) -> eligible.stream().sorted(Comparator.comparing(Seat::agent)).toList());

	/**
	 * The most proficient in the skills the queue asks for (sum of levels), then the longest idle:
	 * an expert takes the call when one is free, and the widening steps let others in as it waits.
	 */
	RoutingStrategy SKILLS = new Named("skills",
			(eligible, queue) -> List.of(eligible.stream()
				.min(Comparator.<Seat>comparingInt(s -> -proficiency(s, queue.skills()))
					.thenComparing(Seat::idleSince).thenComparing(Seat::agent))
				.orElseThrow()));

	static int proficiency(Seat seat, Map<String, Integer> skills) {
		int sum = 0;
		for (var skill : skills.keySet()) sum += seat.level(skill);
		return sum;
	}

	/** All strategies by name. */
	/** The strategy as the wallboard shows it. */
	default String label() {
		return switch (name()) {
			case "longest-idle" -> "最长空闲优先";
			case "round-robin" -> "轮流分配";
			case "fewest-calls" -> "接听最少优先";
			case "random" -> "随机分配";
			case "ring-all" -> "同时振铃";
			case "skills" -> "技能优先";
			default -> name();
		};
	}

	static Map<String, RoutingStrategy> all() {
		var list = new ArrayList<>(List.of(LONGEST_IDLE, FEWEST_CALLS, RANDOM, RING_ALL, SKILLS));
		list.add(new RoundRobin());
		return list.stream().collect(Collectors.toMap(RoutingStrategy::name, Function.identity()));
	}

	record Named(String name, BiFunction<List<Seat>, QueuePlan, List<Seat>> rule)
			implements RoutingStrategy {

		@Override
		public List<Seat> choose(List<Seat> eligible, QueuePlan queue) {
			return rule.apply(eligible, queue);
		}
	}

	/**
	 * Takes turns in the order of agent names, remembering where it stopped (Asterisk
	 * {@code rrmemory}); one per queue, since each queue keeps its own turn.
	 */
	final class RoundRobin implements RoutingStrategy {

		private volatile String last = "";

		@Override
		public String name() {
			return "round-robin";
		}

		@Override
		public List<Seat> choose(List<Seat> eligible, QueuePlan queue) {
			var sorted = eligible.stream().sorted(Comparator.comparing(Seat::agent)).toList();
			String previous = last;
			Seat next = sorted.stream().filter(s -> s.agent().compareTo(previous) > 0).findFirst().orElse(sorted.get(0));
			last = next.agent();
			return List.of(next);
		}

		RoundRobin fresh() {
			return new RoundRobin();
		}
	}
}
