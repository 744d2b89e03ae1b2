package org.minsheng.contact.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import tools.jackson.databind.JsonNode;

/**
 * The call plan as it is written in YAML (keys in snake_case: {@code ring_timeout}), read by Jackson
 * and checked for its shape by Bean Validation. A setting left out is {@code null} here and takes its
 * default in {@link CallPlanParser}, which also checks what refers to what (nodes, queues, strategies).
 */
record CallPlanDocument(
		List<String> vipNumbers,
		@NotEmpty(message = "方案至少需要一个队列") Map<String, @NotNull(message = "队列的设置不能为空") @Valid Queue> queues,
		@NotEmpty(message = "方案至少需要一个流程") List<@NotNull(message = "流程不能为空") @Valid Flow> flows) {

	/** A queue of the ACD. Durations are written 500ms, 15s, 2m or 1h (a bare number is seconds). */
	record Queue(
			String label,
			String strategy,
			Map<String, @NotNull(message = "技能等级为 1 到 5") @Min(value = 1, message = "技能等级为 1 到 5")
					@Max(value = 5, message = "技能等级为 1 到 5") Integer> skills,
			List<@NotNull(message = "放宽技能的时刻不能为空") Duration> widen,
			Duration maxWait,
			@Pattern(regexp = "voicemail|hangup|callback|queue:.+",
					message = "溢出去向为 voicemail、hangup、callback 或 queue:<队列名>") String overflow,
			Duration ringTimeout,
			Duration wrapUp,
			@PositiveOrZero(message = "连续未接次数不能为负（0 为不限）") Integer maxNoAnswer,
			Duration announceEvery,
			Duration callbackAfter,
			@Min(value = 1, message = "回拨尝试次数为 1 到 10") @Max(value = 10, message = "回拨尝试次数为 1 到 10")
					Integer callbackAttempts,
			Duration callbackRetry) {

		boolean mentionsCallback() {
			return callbackAfter != null || callbackAttempts != null || callbackRetry != null;
		}
	}

	/** The flow answering one dialled number: its nodes by name and the one it starts at. */
	record Flow(
			@NotBlank(message = "流程需要被叫号码") String number,
			@NotBlank(message = "流程需要起始节点") String start,
			@NotEmpty(message = "流程至少需要一个节点") Map<String, @NotNull(message = "节点不能为空") @Valid Node> nodes,
			Boolean earlyMedia,
			Boolean recordIvr) {
	}

	/**
	 * A node does exactly one thing, named by the key it has of {@link CallPlanParser#KINDS}; the other
	 * keys are that kind's settings. {@code route_time} and {@code hangup} may be written without a
	 * value, so they are kept as written ({@code null} only when absent).
	 */
	record Node(
			String play,
			String file,
			String menu,
			Map<String, @NotBlank(message = "按键需指向一个节点") String> options,
			Duration timeout,
			@PositiveOrZero(message = "重试次数不能为负") Integer retries,
			String invalid,
			String fallback,
			String collect,
			/** keys to collect (collect: 1 to 40) or the longest message (voicemail: a duration) */
			String max,
			String terminator,
			String into,
			JsonNode routeTime,
			String working,
			String offHours,
			String queue,
			Integer priority,
			String voicemail,
			String thanks,
			String orderStatus,
			JsonNode hangup,
			String next) {
	}
}
