package org.minsheng.contact.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.minsheng.platform.InvalidFieldException;
import org.minsheng.sla.WorkingHours;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a call plan from YAML and checks it whole: every node a flow points to exists, every queue a
 * flow or an overflow names exists, strategies and keys are known. A mistake is reported with the
 * path to it ({@code flows[0].nodes.menu.options.5}), so a plan is never half-loaded.
 */
final class CallPlanParser {

	private static final Set<String> KINDS = Set.of("play", "menu", "collect", "route_time", "queue", "voicemail",
			"order_status", "hangup");

	private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

	private CallPlanParser() {
	}

	static CallPlan parse(String yaml) {
		Object root;
		try {
			var options = new LoaderOptions();
			options.setMaxAliasesForCollections(10);
			options.setCodePointLimit(1_000_000);
			root = new Yaml(new SafeConstructor(options)).load(yaml);
		}
		catch (YAMLException e) {
			throw new InvalidFieldException("plan", "Not readable YAML: " + e.getMessage());
		}
		var top = map(root, "plan");
		var strategies = RoutingStrategy.all();
		var queues = new LinkedHashMap<String, QueuePlan>();
		var queueNodes = map(top.get("queues"), "queues");
		if (queueNodes.isEmpty()) throw new InvalidFieldException("queues", "The plan needs at least one queue");
		for (var e : queueNodes.entrySet()) {
			var name = e.getKey();
			var path = "queues." + name;
			var q = map(e.getValue(), path);
			for (var key : q.keySet()) {
				if (!QUEUE_KEYS.contains(key)) {
					throw new InvalidFieldException(path + "." + key, "Unknown queue setting; known are " + QUEUE_KEYS);
				}
			}
			var strategyName = text(q.getOrDefault("strategy", "longest-idle"), path + ".strategy");
			var strategy = strategies.get(strategyName);
			if (strategy == null) {
				throw new InvalidFieldException(path + ".strategy",
						"Unknown strategy '" + strategyName + "'; one of " + new TreeSet<>(strategies.keySet()));
			}
			if (strategy instanceof RoutingStrategy.RoundRobin rr) strategy = rr.fresh();
			var skills = new LinkedHashMap<String, Integer>();
			for (var s : map(q.get("skills"), path + ".skills").entrySet()) {
				int level = integer(s.getValue(), path + ".skills." + s.getKey());
				if (level < 1 || level > 5) {
					throw new InvalidFieldException(path + ".skills." + s.getKey(), "A skill level is 1 to 5");
				}
				skills.put(s.getKey(), level);
			}
			var widen = new ArrayList<Duration>();
			int i = 0;
			for (var w : list(q.get("widen"), path + ".widen")) widen.add(duration(w, path + ".widen[" + i++ + "]"));
			var overflow = text(q.getOrDefault("overflow", "voicemail"), path + ".overflow");
			if (!overflow.equals("voicemail") && !overflow.equals("hangup") && !overflow.equals("callback")
					&& !overflow.startsWith("queue:")) {
				throw new InvalidFieldException(path + ".overflow", "Overflow is voicemail, hangup, callback or queue:<name>");
			}
			var callback = QueuePlan.Callback.NONE;
			if (q.containsKey("callback_after") || q.containsKey("callback_attempts") || q.containsKey("callback_retry")) {
				int attempts = integer(q.getOrDefault("callback_attempts", 3), path + ".callback_attempts");
				if (attempts < 1 || attempts > 10) {
					throw new InvalidFieldException(path + ".callback_attempts", "Callback attempts are 1 to 10");
				}
				callback = new QueuePlan.Callback(
						q.containsKey("callback_after") ? duration(q.get("callback_after"), path + ".callback_after") : null,
						attempts, duration(q.getOrDefault("callback_retry", "2m"), path + ".callback_retry"));
			}
			queues.put(name, new QueuePlan(name, text(q.getOrDefault("label", name), path + ".label"), strategy,
					Map.copyOf(skills), List.copyOf(widen), duration(q.getOrDefault("max_wait", "120s"), path + ".max_wait"),
					overflow, duration(q.getOrDefault("ring_timeout", "15s"), path + ".ring_timeout"),
					duration(q.getOrDefault("wrap_up", "10s"), path + ".wrap_up"),
					integer(q.getOrDefault("max_no_answer", 2), path + ".max_no_answer"),
					duration(q.getOrDefault("announce_every", "30s"), path + ".announce_every"), callback));
		}
		for (var q : queues.values()) {
			if (q.overflow().startsWith("queue:")) {
				var target = q.overflow().substring(6);
				if (!queues.containsKey(target) || target.equals(q.name())) {
					throw new InvalidFieldException("queues." + q.name() + ".overflow",
							"Overflow to '" + target + "', which is not another queue of the plan");
				}
			}
		}
		var flows = new LinkedHashMap<String, CallPlan.Flow>();
		var flowList = list(top.get("flows"), "flows");
		if (flowList.isEmpty()) throw new InvalidFieldException("flows", "The plan needs at least one flow");
		for (int f = 0; f < flowList.size(); f++) {
			var path = "flows[" + f + "]";
			var flow = map(flowList.get(f), path);
			var number = text(flow.get("number"), path + ".number");
			if (flows.containsKey(number)) throw new InvalidFieldException(path + ".number", "Number " + number + " has two flows");
			var nodes = new LinkedHashMap<String, FlowNode>();
			for (var n : map(flow.get("nodes"), path + ".nodes").entrySet()) {
				nodes.put(n.getKey(), node(map(n.getValue(), path + ".nodes." + n.getKey()), path + ".nodes." + n.getKey()));
			}
			var start = text(flow.get("start"), path + ".start");
			if (!nodes.containsKey(start)) throw new InvalidFieldException(path + ".start", "No node named '" + start + "'");
			for (var n : nodes.entrySet()) check(n.getValue(), nodes.keySet(), queues.keySet(), path + ".nodes." + n.getKey());
			for (var key : flow.keySet()) {
				if (!FLOW_KEYS.contains(key)) {
					throw new InvalidFieldException(path + "." + key, "Unknown flow setting; known are " + FLOW_KEYS);
				}
			}
			flows.put(number, new CallPlan.Flow(number, start, Map.copyOf(nodes),
					bool(flow.get("early_media"), path + ".early_media"), bool(flow.get("record_ivr"), path + ".record_ivr")));
		}
		var vips = new HashSet<String>();
		for (var v : list(top.get("vip_numbers"), "vip_numbers")) vips.add(String.valueOf(v).replaceAll("[^0-9]", ""));
		return new CallPlan(Map.copyOf(flows), Map.copyOf(queues), Set.copyOf(vips), yaml);
	}

	private static FlowNode node(Map<String, Object> n, String path) {
		var kinds = n.keySet().stream().filter(KINDS::contains).toList();
		if (kinds.size() != 1) {
			throw new InvalidFieldException(path, "A node does exactly one of " + new TreeSet<>(KINDS)
					+ (kinds.isEmpty() ? "" : "; this one does " + kinds));
		}
		var next = n.get("next") == null ? null : text(n.get("next"), path + ".next");
		return switch (kinds.get(0)) {
			case "play" -> new FlowNode.Play(text(n.get("play"), path + ".play"),
					n.get("file") == null ? null : text(n.get("file"), path + ".file"), next);
			case "menu" -> {
				var options = new LinkedHashMap<Character, String>();
				for (var o : map(n.get("options"), path + ".options").entrySet()) {
					var key = o.getKey();
					if (key.length() != 1 || "0123456789*#".indexOf(key.charAt(0)) < 0) {
						throw new InvalidFieldException(path + ".options." + key, "A menu key is one of 0-9, * and #");
					}
					options.put(key.charAt(0), text(o.getValue(), path + ".options." + key));
				}
				if (options.isEmpty()) throw new InvalidFieldException(path + ".options", "A menu needs options");
				yield new FlowNode.Menu(text(n.get("menu"), path + ".menu"), Map.copyOf(options),
						duration(n.getOrDefault("timeout", "5s"), path + ".timeout"),
						integer(n.getOrDefault("retries", 2), path + ".retries"),
						text(n.getOrDefault("invalid", "输入有误，请重新选择"), path + ".invalid"),
						n.get("fallback") == null ? null : text(n.get("fallback"), path + ".fallback"));
			}
			case "collect" -> {
				var terminator = text(n.getOrDefault("terminator", "#"), path + ".terminator");
				int max = integer(n.getOrDefault("max", 20), path + ".max");
				if (max < 1 || max > 40) throw new InvalidFieldException(path + ".max", "Collect 1 to 40 keys");
				yield new FlowNode.Collect(text(n.get("collect"), path + ".collect"), max,
						duration(n.getOrDefault("timeout", "8s"), path + ".timeout"),
						terminator.isEmpty() ? 0 : terminator.charAt(0), text(n.get("into"), path + ".into"), next);
			}
			case "route_time" -> {
				var hours = n.get("route_time") instanceof String s && !s.isBlank() && !s.equals("calendar") ? s : null;
				if (hours != null) {
					try {
						WorkingHours.parse(hours);
					}
					catch (RuntimeException e) {
						throw new InvalidFieldException(path + ".route_time", e.getMessage());
					}
				}
				yield new FlowNode.RouteTime(hours, text(n.get("working"), path + ".working"), text(n.get("off_hours"), path + ".off_hours"));
			}
			case "queue" -> new FlowNode.ToQueue(text(n.get("queue"), path + ".queue"),
					integer(n.getOrDefault("priority", 0), path + ".priority"), next);
			case "voicemail" -> new FlowNode.Voicemail(text(n.get("voicemail"), path + ".voicemail"),
					duration(n.getOrDefault("max", "60s"), path + ".max"),
					text(n.getOrDefault("thanks", "您的留言已记录，我们会尽快处理，再见。"), path + ".thanks"));
			case "order_status" -> new FlowNode.OrderStatus(text(n.get("order_status"), path + ".order_status"), next);
			case "hangup" -> new FlowNode.Hangup(n.get("hangup") == null ? "" : text(n.get("hangup"), path + ".hangup"));
			default -> throw new IllegalStateException(kinds.get(0));
		};
	}

	private static void check(FlowNode node, Set<String> nodes, Set<String> queues, String path) {
		switch (node) {
			case FlowNode.Play p -> ref(p.next(), nodes, path + ".next");
			case FlowNode.Menu m -> {
				m.options().forEach((k, v) -> ref(v, nodes, path + ".options." + k));
				ref(m.fallback(), nodes, path + ".fallback");
			}
			case FlowNode.Collect c -> ref(c.next(), nodes, path + ".next");
			case FlowNode.RouteTime r -> {
				ref(r.working(), nodes, path + ".working");
				ref(r.off(), nodes, path + ".off_hours");
			}
			case FlowNode.ToQueue q -> {
				if (!queues.contains(q.queue())) {
					throw new InvalidFieldException(path + ".queue", "No queue named '" + q.queue() + "' in the plan");
				}
				ref(q.next(), nodes, path + ".next");
			}
			case FlowNode.OrderStatus o -> ref(o.next(), nodes, path + ".next");
			case FlowNode.Voicemail v -> {
			}
			case FlowNode.Hangup h -> {
			}
		}
	}

	private static void ref(String target, Set<String> nodes, String path) {
		if (target != null && !nodes.contains(target)) {
			throw new InvalidFieldException(path, "No node named '" + target + "'");
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object o, String path) {
		if (o == null) return Map.of();
		if (!(o instanceof Map<?, ?> m)) throw new InvalidFieldException(path, "Expected a mapping");
		var out = new LinkedHashMap<String, Object>();
		m.forEach((k, v) -> out.put(String.valueOf(k), v));
		return out;
	}

	private static List<Object> list(Object o, String path) {
		if (o == null) return List.of();
		if (!(o instanceof List<?> l)) throw new InvalidFieldException(path, "Expected a list");
		return new ArrayList<>(l);
	}

	private static String text(Object o, String path) {
		if (o == null) throw new InvalidFieldException(path, "Missing");
		if (o instanceof Map || o instanceof List) throw new InvalidFieldException(path, "Expected a text");
		return String.valueOf(o).strip();
	}

	private static final Set<String> QUEUE_KEYS = new LinkedHashSet<>(List.of("label", "strategy",
			"skills", "widen", "max_wait", "overflow", "ring_timeout", "wrap_up", "max_no_answer", "announce_every",
			"callback_after", "callback_attempts", "callback_retry"));

	private static final Set<String> FLOW_KEYS = new LinkedHashSet<>(
			List.of("number", "start", "nodes", "early_media", "record_ivr"));

	private static boolean bool(Object o, String path) {
		if (o == null) return false;
		if (o instanceof Boolean b) return b;
		throw new InvalidFieldException(path, "Expected true or false");
	}

	private static int integer(Object o, String path) {
		if (o instanceof Integer i) return i;
		try {
			return Integer.parseInt(text(o, path));
		}
		catch (NumberFormatException e) {
			throw new InvalidFieldException(path, "Expected a whole number");
		}
	}

	static Duration duration(Object o, String path) {
		if (o instanceof Integer i) return Duration.ofSeconds(i);
		var m = DURATION.matcher(text(o, path));
		if (!m.matches()) throw new InvalidFieldException(path, "Expected a duration such as 500ms, 15s, 2m or 1h");
		long v = Long.parseLong(m.group(1));
		return switch (m.group(2) == null ? "s" : m.group(2)) {
			case "ms" -> Duration.ofMillis(v);
			case "m" -> Duration.ofMinutes(v);
			case "h" -> Duration.ofHours(v);
			default -> Duration.ofSeconds(v);
		};
	}

	static Map<String, Integer> skills(String text) {
		var out = new HashMap<String, Integer>();
		if (text == null || text.isBlank()) return out;
		for (var part : text.split(",")) {
			var kv = part.split(":");
			if (kv.length == 2 && !kv[0].isBlank()) out.put(kv[0].strip(), Integer.parseInt(kv[1].strip()));
		}
		return out;
	}
}
