package org.minsheng.bot.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.minsheng.bot.FaqBot;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.knowledge.ArticleId;
import org.minsheng.knowledge.KnowledgeBase;
import org.minsheng.knowledge.SearchHit;
import org.minsheng.knowledge.SearchRequest;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.region.DivisionCode;
import org.minsheng.workorder.Channel;
import org.minsheng.workorder.RequestType;
import org.minsheng.workorder.Urgency;
import org.minsheng.workorder.WorkOrders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Answers from the best published article when the match is good enough, else hands over. The
 * confidence of a match is {@link MatchConfidence}'s. A short follow-up is also tried together
 * with the question before it in the same conversation, and the reading that matches better wins.
 */
@Service
class BotService implements FaqBot {

	/** Conversations are remembered this long after their last turn. */
	static final Duration SESSION_TTL = Duration.ofMinutes(30);

	private static final int MAX_SESSIONS = 50_000;

	private final KnowledgeBase knowledge;

	private final WorkOrders orders;

	private final CurrentActor current;

	private final Clock clock;

	private final double handoffBelow;

	private final Map<String, Turn> sessions = new ConcurrentHashMap<>();

	private record Turn(String question, Instant at) {
	}

	BotService(KnowledgeBase knowledge, WorkOrders orders, CurrentActor current, Clock clock,
			@Value("${minsheng.bot.handoff-below:0.6}") double handoffBelow) {
		this.knowledge = knowledge;
		this.orders = orders;
		this.current = current;
		this.clock = clock;
		this.handoffBelow = handoffBelow;
	}

	@Override
	public Answer ask(Question q) {
		current.get().require(Permission.KNOWLEDGE_READ);
		var question = q.question() == null ? "" : q.question().strip();
		if (question.isEmpty() || question.length() > 500) {
			throw new InvalidFieldException("question", "Ask with 1 to 500 characters");
		}
		var channel = channel(q.channel());
		var region = q.region() == null || q.region().isBlank() ? null : q.region().strip();
		if (region != null && !DivisionCode.isWellFormed(region)) {
			throw new InvalidFieldException("region", "A division code has 2, 4, 6 or 9 digits");
		}
		var sessionId = q.sessionId() == null || q.sessionId().isBlank() ? UUID.randomUUID().toString()
				: q.sessionId().strip();
		if (sessionId.length() > 64) {
			throw new InvalidFieldException("sessionId", "A session id has at most 64 characters");
		}
		var now = clock.instant();
		var previous = sessions.get(sessionId);
		if (previous != null && previous.at().plus(SESSION_TTL).isBefore(now)) {
			previous = null;
		}

		var best = match(question, region);
		String asked = question;
		if (previous != null && MatchConfidence.looksLikeFollowUp(question)) {
			var together = previous.question() + " " + question;
			var withContext = match(together, region);
			if (withContext.confidence() > best.confidence()) {
				best = withContext;
				asked = together;
			}
		}
		remember(sessionId, asked, now);

		var alternatives = new ArrayList<Alternative>();
		for (var hit : best.hits().subList(Math.min(1, best.hits().size()), Math.min(4, best.hits().size()))) {
			alternatives.add(new Alternative(hit.id(), hit.title()));
		}
		if (best.hits().isEmpty() || best.confidence() < handoffBelow) {
			var no = handOff(question, previous, channel, region, q.callerName(), q.callerPhone());
			knowledge.recordUnanswered(asked, "BOT");
			return new Answer("这个问题我暂时无法准确回答，已为您转人工服务，工单号 " + no + "，工作人员会尽快与您联系。", null, null,
					best.confidence(), true, no, sessionId, alternatives);
		}
		var top = best.hits().get(0);
		var text = knowledge.answerText(new ArticleId(top.id())).orElse("");
		knowledge.markUsed(new ArticleId(top.id()), "BOT");
		return new Answer(text.length() > 2000 ? text.substring(0, 2000) + "…" : text, top.id(), top.title(),
				best.confidence(), false, null, sessionId, alternatives);
	}

	private record Match(List<SearchHit> hits, double confidence) {
	}

	private Match match(String question, String region) {
		var hits = knowledge.search(new SearchRequest(question, 5, null, null, region, null, "BOT"));
		return new Match(hits, MatchConfidence.of(hits));
	}

	private String handOff(String question, Turn previous, Channel channel, String region, String name,
			String phone) {
		var content = previous == null ? question : "（上一问）" + previous.question() + "\n" + question;
		var anonymous = phone == null || phone.isBlank();
		var view = orders.register(new WorkOrders.NewWorkOrder(channel, RequestType.CONSULTATION, null, Urgency.NORMAL,
				"转人工：" + (question.length() > 60 ? question.substring(0, 60) + "…" : question),
				"智能问答未能回答，市民提问：\n" + content, null, anonymous ? null : name, anonymous ? null : phone, anonymous,
				false, null, region != null && region.length() == 9 ? region : null, null, null, null, null,
				List.of("机器人转人工"), null));
		return view.no().value();
	}

	private void remember(String sessionId, String question, Instant now) {
		if (sessions.size() >= MAX_SESSIONS) {
			sessions.values().removeIf(t -> t.at().plus(SESSION_TTL).isBefore(now));
			if (sessions.size() >= MAX_SESSIONS) {
				sessions.clear();
			}
		}
		sessions.put(sessionId, new Turn(question.length() > 200 ? question.substring(question.length() - 200) : question,
				now));
	}

	private static Channel channel(String value) {
		if (value == null || value.isBlank()) {
			return Channel.WEB;
		}
		try {
			return Channel.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldException("channel", "The channel is one of " + List.of(Channel.values()));
		}
	}
}
