package org.minsheng.bot;

import java.util.List;

/**
 * Asks the bot. Needs {@code KNOWLEDGE_READ}; a hand-off registers a work order and needs
 * {@code WORKORDER_REGISTER} (the {@code BOT} role of a channel's service account has both).
 */
public interface FaqBot {

	Answer ask(Question question);

	/**
	 * A citizen's question. {@code sessionId} ties the turns of one conversation (a follow-up such
	 * as "那需要带什么材料" is read with the question before it); {@code channel} is where it came from
	 * (WEB by default); {@code region} a division code to prefer local articles; the caller's name
	 * and phone are optional and go to the order on hand-off.
	 */
	record Question(String question, String sessionId, String channel, String region, String callerName,
			String callerPhone) {
	}

	/**
	 * The answer, or {@code handoff} with the number of the order a person will take up, or
	 * {@code clarifying}: the bot was unsure between a few articles and asks which one is meant,
	 * listing them as {@code alternatives} (the citizen answers with a number, "第二个" or a title).
	 * After an answer, {@code alternatives} are other articles that may help ("您是不是想问").
	 */
	record Answer(String answer, Long articleId, String title, double confidence, boolean handoff, String orderNo,
			String sessionId, List<Alternative> alternatives, boolean clarifying) {
	}

	record Alternative(long articleId, String title) {
	}
}
