package org.minsheng.bot.web;

import org.minsheng.bot.FaqBot;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** {@code POST /api/bot/ask}: the text channels' FAQ bot. */
@RestController
class BotController {

	/**
	 * @param consent the citizen agrees that an order is registered for a person to answer; with a
	 *     {@code callerPhone} it lets the bot hand over (absent: no)
	 */
	record AskBody(@Size(max = 500) String question, @Size(max = 64) String sessionId, @Size(max = 20) String channel,
			@Size(max = 9) String region, @Size(max = 50) String callerName, @Size(max = 20) String callerPhone,
			Boolean consent) {
	}

	private final FaqBot bot;

	BotController(FaqBot bot) {
		this.bot = bot;
	}

	@PostMapping("/api/bot/ask")
	FaqBot.Answer ask(@Valid @RequestBody AskBody b) {
		return bot.ask(new FaqBot.Question(b.question(), b.sessionId(), b.channel(), b.region(), b.callerName(),
				b.callerPhone(), Boolean.TRUE.equals(b.consent())));
	}
}
