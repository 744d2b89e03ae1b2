package org.minsheng.contact.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The center's call plan: IVR flows by dialled number and the queues they route to. Read from one
 * YAML file ({@link CallPlanParser}) that supervisors can read and edit.
 *
 * @param flows      by dialled number; {@code *} answers any other number
 * @param vipNumbers callers who jump the line (e.g. lines of the government office)
 * @param source     the YAML the plan was read from
 */
record CallPlan(Map<String, Flow> flows, Map<String, QueuePlan> queues, Set<String> vipNumbers, String source) {

	/**
	 * @param earlyMedia the flow plays its prompts as early media (183) and answers only when it needs
	 *     the caller's keys or voice, or an agent: a flow that only announces and hangs up is never
	 *     answered, so the caller is not billed
	 * @param recordIvr  record the call as the caller hears it from the start (prompts and keys), so
	 *     calls that never reach an agent are recorded too
	 */
	record Flow(String number, String start, Map<String, FlowNode> nodes, boolean earlyMedia, boolean recordIvr) {
	}

	Optional<Flow> flowFor(String dialled) {
		var flow = flows.get(dialled);
		return Optional.ofNullable(flow != null ? flow : flows.get("*"));
	}
}
