package org.minsheng.contact.internal;

import java.time.Duration;
import java.util.Map;

/** A step of an IVR flow. Each kind says where the caller goes next by node name ({@code null} ends). */
sealed interface FlowNode {

	/** Says a text (synthesized) or plays a prompt file. */
	record Play(String text, String file, String next) implements FlowNode {
	}

	/** A menu: keys lead to nodes; no key or a wrong key is retried, then {@code fallback}. */
	record Menu(String prompt, Map<Character, String> options, Duration timeout, int retries, String invalid,
			String fallback) implements FlowNode {
	}

	/** Collects keys into a variable of the call. */
	record Collect(String prompt, int max, Duration timeout, char terminator, String into, String next)
			implements FlowNode {
	}

	/**
	 * 工作时间 / 非工作时间 on the official calendar (holidays off, make-up workdays on), with the
	 * hours given here or the center's working hours.
	 */
	record RouteTime(String hours, String working, String off) implements FlowNode {
	}

	/** Waits in a queue for an agent; after the talk, {@code next} (e.g. a satisfaction survey) or the end. */
	record ToQueue(String queue, int priority, String next) implements FlowNode {
	}

	/** Takes a voice message that becomes a work-order draft, then says {@code thanks}. */
	record Voicemail(String prompt, Duration max, String thanks) implements FlowNode {
	}

	/** Says the state of the order whose number was collected into {@code variable}. */
	record OrderStatus(String variable, String next) implements FlowNode {
	}

	/** Says goodbye and hangs up. */
	record Hangup(String text) implements FlowNode {
	}
}
