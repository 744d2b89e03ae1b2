package org.minsheng.bot;

import java.util.List;

/**
 * Asks the bot. Needs {@code KNOWLEDGE_READ}; a hand-off registers a work order and needs
 * {@code WORKORDER_REGISTER} (the {@code BOT} role of a channel's service account has both). A
 * work order is registered only for a citizen who left a phone number and agreed to it; otherwise
 * the bot says what it could not answer and gives the hotline.
 */
public interface FaqBot {

	Answer ask(Question question);

	/**
	 * A citizen's question. {@code sessionId} ties the turns of one conversation (a follow-up such
	 * as "那需要带什么材料" is read with the question before it); {@code channel} is where it came from
	 * (WEB by default); {@code region} a division code to prefer local articles; the caller's name
	 * and phone are optional and go to the order on hand-off; {@code consent} is the citizen's yes to
	 * registering an order for a person to answer (without it, and without a phone, no order is made).
	 */
	record Question(String question, String sessionId, String channel, String region, String callerName,
			String callerPhone, boolean consent) {

		/** A question without contact or consent: the bot answers, asks which article is meant, or refers. */
		public Question(String question, String sessionId, String channel, String region, String callerName,
				String callerPhone) {
			this(question, sessionId, channel, region, callerName, callerPhone, false);
		}
	}

	/** How the bot met a question. */
	enum Outcome {
		/** Answered from an article. */
		ANSWERED,
		/** Unsure between a few articles: asks which one is meant. */
		CLARIFYING,
		/** A person takes it up: a work order was registered ({@code orderNo}). */
		HANDED_OFF,
		/**
		 * A person is needed but the citizen left no phone or did not agree to an order: the bot said
		 * what it could not answer, gave the hotline and asked for a phone and consent.
		 */
		REFERRED
	}

	/**
	 * The answer, or {@code handoff} with the number of the order a person will take up, or
	 * {@code clarifying}: the bot was unsure between a few articles and asks which one is meant,
	 * listing them as {@code alternatives} (the citizen answers with a number, "第二个" or a title).
	 * After an answer, {@code alternatives} are other articles that may help ("您是不是想问").
	 */
	record Answer(String answer, Long articleId, String title, double confidence, boolean handoff, String orderNo,
			String sessionId, List<Alternative> alternatives, boolean clarifying, Outcome outcome) {
	}

	record Alternative(long articleId, String title) {
	}
}
