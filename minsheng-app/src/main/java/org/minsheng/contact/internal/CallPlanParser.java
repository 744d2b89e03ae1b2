package org.minsheng.contact.internal;

import static java.util.Objects.requireNonNullElse;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.minsheng.platform.InvalidFieldException;
import org.minsheng.sla.WorkingHours;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a call plan from YAML and checks it whole. Jackson reads the text into a
 * {@link CallPlanDocument} (unknown keys, wrong types and duplicate keys refused), Bean Validation
 * checks its shape (levels, counts, overflow), and this class checks what refers to what: every node
 * a flow points to exists, every queue a flow or an overflow names exists, strategies are known. A
 * mistake is reported in Chinese with the path to it ({@code flows[0].nodes.menu.options.5}), so a
 * plan is never half-loaded.
 */
final class CallPlanParser {

	/** The kinds of node: a node has exactly one of these keys. */
	static final Set<String> KINDS = Set.of("play", "menu", "collect", "route_time", "queue", "voicemail",
			"order_status", "hangup");

	private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

	private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:Object property|field) \"([^\"]*)\"");

	private static final String DURATION_HINT = "应为时长，如 500ms、15s、2m 或 1h";

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.addModule(new SimpleModule("call-plan").addDeserializer(Duration.class, new PlanDuration()))
		.build();

	private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	private CallPlanParser() {
	}

	static CallPlan parse(String yaml) {
		var doc = read(yaml);
		var violations = VALIDATOR.validate(doc);
		if (!violations.isEmpty()) {
			var first = violations.stream().min((a, b) -> path(a).compareTo(path(b))).orElseThrow();
			throw new InvalidFieldException(path(first), first.getMessage());
		}
		var queues = queues(doc.queues());
		var flows = new LinkedHashMap<String, CallPlan.Flow>();
		for (int f = 0; f < doc.flows().size(); f++) {
			var flow = flow(doc.flows().get(f), "flows[" + f + "]", queues.keySet());
			if (flows.containsKey(flow.number())) {
				throw new InvalidFieldException("flows[" + f + "].number", "号码 " + flow.number() + " 有两个流程");
			}
			flows.put(flow.number(), flow);
		}
		var vips = new HashSet<String>();
		for (var v : requireNonNullElse(doc.vipNumbers(), List.<String>of())) {
			if (v != null) vips.add(v.replaceAll("[^0-9]", ""));
		}
		return new CallPlan(Map.copyOf(flows), Map.copyOf(queues), Set.copyOf(vips), yaml);
	}

	private static CallPlanDocument read(String yaml) {
		JsonNode tree;
		try {
			tree = YAML.readTree(yaml);
		}
		catch (JacksonException e) {
			var duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
			var at = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
					: "（第 " + e.getLocation().getLineNr() + " 行）";
			throw new InvalidFieldException("plan", duplicate.find() ? "键“" + duplicate.group(1) + "”写了两次" + at
					: "不是可读的 YAML" + at + "：" + e.getOriginalMessage());
		}
		if (tree == null || tree.isMissingNode() || tree.isNull()) throw new InvalidFieldException("plan", "方案为空");
		CallPlanDocument doc;
		try {
			doc = YAML.treeToValue(tree, CallPlanDocument.class);
		}
		catch (UnrecognizedPropertyException e) {
			var known = e.getKnownPropertyIds().stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
			throw new InvalidFieldException(path(e), "未知的" + section(e.getReferringClass()) + "设置；可用的有 " + known);
		}
		catch (InvalidFormatException e) {
			var hint = e.getTargetType() == Duration.class ? DURATION_HINT : expected(e.getTargetType());
			throw new InvalidFieldException(path(e), hint + "，而不是“" + e.getValue() + "”");
		}
		catch (DatabindException e) {
			throw new InvalidFieldException(path(e), expected(targetOf(e)));
		}
		return doc;
	}

	private static Map<String, QueuePlan> queues(Map<String, CallPlanDocument.Queue> written) {
		var strategies = RoutingStrategy.all();
		var queues = new LinkedHashMap<String, QueuePlan>();
		for (var e : written.entrySet()) {
			var name = e.getKey();
			var path = "queues." + name;
			var q = e.getValue();
			var strategyName = requireNonNullElse(q.strategy(), "longest-idle");
			var strategy = strategies.get(strategyName);
			if (strategy == null) {
				throw new InvalidFieldException(path + ".strategy",
						"未知的分配策略“" + strategyName + "”；可用的有 " + new TreeSet<>(strategies.keySet()));
			}
			if (strategy instanceof RoutingStrategy.RoundRobin rr) strategy = rr.fresh();
			var callback = !q.mentionsCallback() ? QueuePlan.Callback.NONE
					: new QueuePlan.Callback(q.callbackAfter(), requireNonNullElse(q.callbackAttempts(), 3),
							requireNonNullElse(q.callbackRetry(), Duration.ofMinutes(2)));
			queues.put(name, new QueuePlan(name, requireNonNullElse(q.label(), name), strategy,
					Map.copyOf(requireNonNullElse(q.skills(), Map.of())), List.copyOf(requireNonNullElse(q.widen(), List.of())),
					requireNonNullElse(q.maxWait(), Duration.ofSeconds(120)), requireNonNullElse(q.overflow(), "voicemail"),
					requireNonNullElse(q.ringTimeout(), Duration.ofSeconds(15)), requireNonNullElse(q.wrapUp(), Duration.ofSeconds(10)),
					requireNonNullElse(q.maxNoAnswer(), 2), requireNonNullElse(q.announceEvery(), Duration.ofSeconds(30)), callback));
		}
		for (var q : queues.values()) {
			if (q.overflow().startsWith("queue:")) {
				var target = q.overflow().substring(6);
				if (!queues.containsKey(target) || target.equals(q.name())) {
					throw new InvalidFieldException("queues." + q.name() + ".overflow",
							"溢出到“" + target + "”，但方案中没有这个另外的队列");
				}
			}
		}
		return queues;
	}

	private static CallPlan.Flow flow(CallPlanDocument.Flow written, String path, Set<String> queues) {
		var nodes = new LinkedHashMap<String, FlowNode>();
		for (var n : written.nodes().entrySet()) {
			nodes.put(n.getKey(), node(n.getValue(), path + ".nodes." + n.getKey()));
		}
		var start = written.start().strip();
		if (!nodes.containsKey(start)) throw new InvalidFieldException(path + ".start", "没有名为“" + start + "”的节点");
		for (var n : nodes.entrySet()) check(n.getValue(), nodes.keySet(), queues, path + ".nodes." + n.getKey());
		return new CallPlan.Flow(written.number().strip(), start, Map.copyOf(nodes),
				Boolean.TRUE.equals(written.earlyMedia()), Boolean.TRUE.equals(written.recordIvr()));
	}

	private static FlowNode node(CallPlanDocument.Node n, String path) {
		var kinds = new TreeSet<String>();
		if (n.play() != null) kinds.add("play");
		if (n.menu() != null) kinds.add("menu");
		if (n.collect() != null) kinds.add("collect");
		if (n.routeTime() != null) kinds.add("route_time");
		if (n.queue() != null) kinds.add("queue");
		if (n.voicemail() != null) kinds.add("voicemail");
		if (n.orderStatus() != null) kinds.add("order_status");
		if (n.hangup() != null) kinds.add("hangup");
		if (kinds.size() != 1) {
			throw new InvalidFieldException(path, "一个节点只做一件事，即 " + new TreeSet<>(KINDS) + " 之一"
					+ (kinds.isEmpty() ? "" : "；这个节点做了 " + kinds));
		}
		var next = blankToNull(n.next());
		return switch (kinds.first()) {
			case "play" -> new FlowNode.Play(n.play().strip(), blankToNull(n.file()), next);
			case "menu" -> {
				var options = new LinkedHashMap<Character, String>();
				for (var o : requireNonNullElse(n.options(), Map.<String, String>of()).entrySet()) {
					var key = o.getKey();
					if (key.length() != 1 || "0123456789*#".indexOf(key.charAt(0)) < 0) {
						throw new InvalidFieldException(path + ".options." + key, "菜单按键为 0-9、* 或 #");
					}
					options.put(key.charAt(0), o.getValue().strip());
				}
				if (options.isEmpty()) throw new InvalidFieldException(path + ".options", "菜单需要按键选项");
				yield new FlowNode.Menu(n.menu().strip(), Map.copyOf(options), requireNonNullElse(n.timeout(), Duration.ofSeconds(5)),
						requireNonNullElse(n.retries(), 2), requireNonNullElse(n.invalid(), "输入有误，请重新选择"), blankToNull(n.fallback()));
			}
			case "collect" -> {
				int max = keys(n.max(), path + ".max");
				var terminator = n.terminator() == null ? "#" : n.terminator().strip();
				yield new FlowNode.Collect(n.collect().strip(), max, requireNonNullElse(n.timeout(), Duration.ofSeconds(8)),
						terminator.isEmpty() ? 0 : terminator.charAt(0), required(n.into(), path + ".into"), next);
			}
			case "route_time" -> {
				var written = n.routeTime().isString() ? n.routeTime().asString().strip() : "";
				var hours = written.isEmpty() || written.equals("calendar") ? null : written;
				if (hours != null) {
					try {
						WorkingHours.parse(hours);
					}
					catch (RuntimeException e) {
						throw new InvalidFieldException(path + ".route_time", e.getMessage());
					}
				}
				yield new FlowNode.RouteTime(hours, required(n.working(), path + ".working"),
						required(n.offHours(), path + ".off_hours"));
			}
			case "queue" -> new FlowNode.ToQueue(n.queue().strip(), requireNonNullElse(n.priority(), 0), next);
			case "voicemail" -> new FlowNode.Voicemail(n.voicemail().strip(),
					n.max() == null ? Duration.ofSeconds(60) : duration(n.max(), path + ".max"),
					requireNonNullElse(n.thanks(), "您的留言已记录，我们会尽快处理，再见。"));
			case "order_status" -> new FlowNode.OrderStatus(n.orderStatus().strip(), next);
			case "hangup" -> new FlowNode.Hangup(n.hangup().isNull() ? "" : n.hangup().asString().strip());
			default -> throw new IllegalStateException(kinds.first());
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
					throw new InvalidFieldException(path + ".queue", "方案中没有名为“" + q.queue() + "”的队列");
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
			throw new InvalidFieldException(path, "没有名为“" + target + "”的节点");
		}
	}

	private static int keys(String written, String path) {
		if (written == null) return 20;
		try {
			int max = Integer.parseInt(written.strip());
			if (max >= 1 && max <= 40) return max;
		}
		catch (NumberFormatException e) {
			// reported below
		}
		throw new InvalidFieldException(path, "收集 1 到 40 个按键");
	}

	private static String required(String text, String path) {
		if (text == null || text.isBlank()) throw new InvalidFieldException(path, "不能为空");
		return text.strip();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** Where a Jackson error is, as the plan's author writes it: {@code queues.人工服务.ring_timeout}, {@code flows[0]}. */
	private static String path(DatabindException e) {
		var out = new StringBuilder();
		for (var ref : e.getPath()) {
			if (ref.getIndex() >= 0) out.append('[').append(ref.getIndex()).append(']');
			else out.append(out.isEmpty() ? "" : ".").append(ref.getPropertyName());
		}
		return out.isEmpty() ? "plan" : out.toString();
	}

	/** Where a violated constraint is, in the plan's own words: {@code queues.人工服务.skills.社保}. */
	private static String path(ConstraintViolation<?> violation) {
		var out = new StringBuilder();
		for (var node : violation.getPropertyPath()) {
			if (node.isInIterable()) {
				if (node.getKey() != null) out.append('.').append(node.getKey());
				else if (node.getIndex() != null) out.append('[').append(node.getIndex()).append(']');
			}
			var name = node.getName();
			if (name != null && !name.startsWith("<")) {
				out.append(out.isEmpty() ? "" : ".").append(name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
			}
		}
		return out.toString();
	}

	private static String section(Class<?> where) {
		if (where == CallPlanDocument.Queue.class) return "队列";
		if (where == CallPlanDocument.Flow.class) return "流程";
		if (where == CallPlanDocument.Node.class) return "节点";
		return "方案";
	}

	private static Class<?> targetOf(DatabindException e) {
		return e instanceof MismatchedInputException m ? m.getTargetType() : null;
	}

	private static String expected(Class<?> type) {
		if (type == null) return "格式不对";
		if (type == Boolean.class || type == boolean.class) return "应为 true 或 false";
		if (type == Integer.class || type == int.class) return "应为整数";
		if (type == Duration.class) return DURATION_HINT;
		if (Map.class.isAssignableFrom(type) || type.isRecord()) return "应为映射（键: 值）";
		if (List.class.isAssignableFrom(type)) return "应为列表";
		return "应为文字";
	}

	static Duration duration(String written, String path) {
		var m = DURATION.matcher(written.strip());
		if (!m.matches()) throw new InvalidFieldException(path, DURATION_HINT);
		return duration(m);
	}

	private static Duration duration(Matcher m) {
		long v = Long.parseLong(m.group(1));
		return switch (m.group(2) == null ? "s" : m.group(2)) {
			case "ms" -> Duration.ofMillis(v);
			case "m" -> Duration.ofMinutes(v);
			case "h" -> Duration.ofHours(v);
			default -> Duration.ofSeconds(v);
		};
	}

	/** Durations as the plan writes them: 500ms, 15s, 2m, 1h, or a bare number of seconds. */
	private static final class PlanDuration extends ValueDeserializer<Duration> {

		@Override
		public Duration deserialize(JsonParser p, DeserializationContext ctxt) {
			if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) return Duration.ofSeconds(p.getLongValue());
			if (p.currentToken() != JsonToken.VALUE_STRING) {
				return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
			}
			var text = p.getString();
			var m = DURATION.matcher(text.strip());
			if (!m.matches()) throw ctxt.weirdStringException(text, Duration.class, DURATION_HINT);
			return duration(m);
		}
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
