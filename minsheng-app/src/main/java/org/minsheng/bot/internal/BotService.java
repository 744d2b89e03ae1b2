package org.minsheng.bot.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.minsheng.bot.FaqBot;
import org.minsheng.bot.internal.Conversations.Turn;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.knowledge.ArticleId;
import org.minsheng.knowledge.KnowledgeBase;
import org.minsheng.knowledge.SearchHit;
import org.minsheng.knowledge.SearchRequest;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.privacy.PhoneNumber;
import org.minsheng.region.DivisionCode;
import org.minsheng.workorder.Channel;
import org.minsheng.workorder.RequestType;
import org.minsheng.workorder.Urgency;
import org.minsheng.workorder.WorkOrders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Answers from the best published article when the match is good enough; asks which of a few
 * articles is meant when it is unsure between them; hands over to a person when it cannot help or
 * is asked to. The confidence of a match is {@link MatchConfidence}'s. Within a conversation (its
 * {@code sessionId}, remembered 30 minutes in the database, so any node of a cluster
 * carries it on):
 * <ul>
 * <li>a short follow-up is also tried together with the question before it, and the reading that
 * matches better wins;</li>
 * <li>after a clarifying question, "2", "第二个" or an offered title answers with that article, and
 * "都不是" hands over;</li>
 * <li>after an answer, "没解决" or "不是这个" offers the other articles that matched, or hands over;</li>
 * <li>"转人工" hands over at once.</li>
 * </ul>
 */
@Service
class BotService implements FaqBot {

	private final KnowledgeBase knowledge;

	private final WorkOrders orders;

	private final CurrentActor current;

	private final Clock clock;

	private final double handoffBelow;

	private final Conversations conversations;

	/** Below {@code handoffBelow} but at or above this, with two articles or more, the bot asks which one is meant. */
	private final double clarifyAbove;

	/** How many articles a clarifying question offers at most. */
	private final int offerAtMost;

	BotService(KnowledgeBase knowledge, WorkOrders orders, CurrentActor current, Clock clock, Conversations conversations,
			@Value("${minsheng.bot.handoff-below:0.72}") double handoffBelow,
			@Value("${minsheng.bot.clarify-above:0.4}") double clarifyAbove,
			@Value("${minsheng.bot.offer-at-most:5}") int offerAtMost) {
		if (offerAtMost < 2 || offerAtMost > 5) {
			throw new IllegalArgumentException("minsheng.bot.offer-at-most must be 2 to 5");
		}
		if (clarifyAbove > handoffBelow) {
			throw new IllegalArgumentException("minsheng.bot.clarify-above cannot be above minsheng.bot.handoff-below");
		}
		this.knowledge = knowledge;
		this.orders = orders;
		this.current = current;
		this.clock = clock;
		this.conversations = conversations;
		this.handoffBelow = handoffBelow;
		this.clarifyAbove = clarifyAbove;
		this.offerAtMost = offerAtMost;
	}

	@Override
	public Answer ask(Question q) {
		var actor = current.get().require(Permission.KNOWLEDGE_READ).username();
		var question = q.question() == null ? "" : q.question().strip();
		if (question.isEmpty() || question.length() > 500) {
			throw new InvalidFieldException("question", "问题为 1 到 500 个字符");
		}
		var channel = channel(q.channel());
		var region = q.region() == null || q.region().isBlank() ? null : q.region().strip();
		if (region != null && !DivisionCode.isWellFormed(region)) {
			throw new InvalidFieldException("region", "行政区划代码为 2、4、6 或 9 位数字");
		}
		var sessionId = q.sessionId() == null || q.sessionId().isBlank() ? UUID.randomUUID().toString()
				: q.sessionId().strip();
		if (sessionId.length() > 64) {
			throw new InvalidFieldException("sessionId", "会话标识最多 64 个字符");
		}
		var now = clock.instant();
		var previous = conversations.last(sessionId, actor).orElse(null);

		var contact = contact(q);
		if (ConversationCues.asksForAPerson(question)) {
			if (!contact.agreed()) return referred(previous == null ? question : previous.question(), contact, 1.0,
					sessionId, actor, now, List.of());
			var no = handOff(question, previous, channel, region, contact);
			conversations.forget(sessionId);
			return handedOff(no, 1.0, sessionId, List.of());
		}
		if (previous != null && previous.clarifying()) {
			if (ConversationCues.rejectsAll(question)) {
				return handOffAfter(previous, sessionId, channel, region, contact, actor, now);
			}
			var chosen = ConversationCues.chosen(question, previous.offered());
			if (chosen.isPresent()) {
				conversations.remember(sessionId, actor, new Turn(previous.question(), now, List.of(), false));
				return answer(chosen.get().articleId(), chosen.get().title(), 1.0, sessionId, List.of());
			}
			// anything else is a new question
		}
		else if (previous != null && ConversationCues.notHelped(question)) {
			if (previous.offered().isEmpty()) {
				return handOffAfter(previous, sessionId, channel, region, contact, actor, now);
			}
			conversations.remember(sessionId, actor, new Turn(previous.question(), now, previous.offered(), true));
			return clarification(previous.offered(), 0, sessionId, "抱歉没能帮到您。");
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

		var alternatives = new ArrayList<Alternative>();
		for (var hit : best.hits().subList(Math.min(1, best.hits().size()), Math.min(4, best.hits().size()))) {
			alternatives.add(new Alternative(hit.id(), hit.title()));
		}
		if (!best.hits().isEmpty() && best.confidence() >= handoffBelow) {
			var top = best.hits().get(0);
			conversations.remember(sessionId, actor, new Turn(asked, now, List.copyOf(alternatives), false));
			return answer(top.id(), top.title(), best.confidence(), sessionId, alternatives);
		}
		if (best.hits().size() >= 2 && best.confidence() >= clarifyAbove) {
			var offered = best.hits().subList(0, Math.min(offerAtMost, best.hits().size())).stream()
				.map(h -> new Alternative(h.id(), h.title())).toList();
			conversations.remember(sessionId, actor, new Turn(asked, now, offered, true));
			return clarification(offered, best.confidence(), sessionId, "");
		}
		knowledge.recordUnanswered(asked, "BOT");
		if (!contact.agreed()) return referred(asked, contact, best.confidence(), sessionId, actor, now, alternatives);
		var no = handOff(question, previous, channel, region, contact);
		conversations.remember(sessionId, actor, new Turn(asked, now, List.of(), false));
		return handedOff(no, best.confidence(), sessionId, alternatives);
	}

	/** Hands the conversation's earlier question over to a person: the bot could not answer it. */
	private Answer handOffAfter(Turn previous, String sessionId, Channel channel, String region, Contact contact,
			String actor, Instant now) {
		knowledge.recordUnanswered(previous.question(), "BOT");
		if (!contact.agreed()) return referred(previous.question(), contact, 0, sessionId, actor, now, List.of());
		var no = handOff(previous.question(), null, channel, region, contact);
		conversations.forget(sessionId);
		return handedOff(no, 0, sessionId, List.of());
	}

	/**
	 * The citizen's way back: a phone number, read as typed (full-width digits too), and their yes to
	 * an order; only both together let the bot register one.
	 */
	private record Contact(String name, PhoneNumber phone, boolean consent) {

		boolean agreed() {
			return phone != null && consent;
		}
	}

	private static Contact contact(Question q) {
		PhoneNumber phone = null;
		if (q.callerPhone() != null && !q.callerPhone().isBlank()) {
			try {
				phone = PhoneNumber.parse(q.callerPhone());
			}
			catch (IllegalArgumentException e) {
				throw new InvalidFieldException("callerPhone", e.getMessage());
			}
		}
		var name = q.callerName() == null || q.callerName().isBlank() ? null : q.callerName().strip();
		return new Contact(name, phone, q.consent());
	}

	/**
	 * A person is needed and the citizen has not left a way back (or not agreed to an order): the bot
	 * says so, gives the hotline, and keeps the question so that a phone and a yes in the next turn
	 * hand it over.
	 */
	private Answer referred(String asked, Contact contact, double confidence, String sessionId, String actor,
			Instant now, List<Alternative> alternatives) {
		conversations.remember(sessionId, actor, new Turn(asked, now, List.of(), false));
		var text = "这个问题我暂时无法准确回答。您可以拨打 12345 政务服务便民热线，由人工客服为您解答；"
				+ (contact.phone() == null ? "也可以留下您的联系电话并同意登记，我们将转交工作人员处理并回复您。"
						: "如同意登记工单、由工作人员回复您，请确认同意登记。");
		return new Answer(text, null, null, confidence, false, null, sessionId, alternatives, false, Outcome.REFERRED);
	}

	private Answer answer(long articleId, String title, double confidence, String sessionId, List<Alternative> alternatives) {
		var text = knowledge.answerText(new ArticleId(articleId)).orElse("");
		knowledge.markUsed(new ArticleId(articleId), "BOT");
		return new Answer(text.length() > 2000 ? text.substring(0, 2000) + "…" : text, articleId, title, confidence, false,
				null, sessionId, alternatives, false, Outcome.ANSWERED);
	}

	private static Answer clarification(List<Alternative> offered, double confidence, String sessionId, String lead) {
		var text = new StringBuilder(lead).append("您想咨询的是以下哪一项？请回复序号：");
		for (int i = 0; i < offered.size(); i++) {
			text.append(i == 0 ? "" : "；").append(i + 1).append(". ").append(offered.get(i).title());
		}
		text.append("。都不是请回复“都不是”，或回复“转人工”。");
		return new Answer(text.toString(), null, null, confidence, false, null, sessionId, offered, true, Outcome.CLARIFYING);
	}

	private static Answer handedOff(String no, double confidence, String sessionId, List<Alternative> alternatives) {
		return new Answer("这个问题我暂时无法准确回答，已为您转人工服务，工单号 " + no + "，工作人员会尽快与您联系。", null, null, confidence,
				true, no, sessionId, alternatives, false, Outcome.HANDED_OFF);
	}

	private record Match(List<SearchHit> hits, double confidence) {
	}

	private Match match(String question, String region) {
		var hits = knowledge.search(new SearchRequest(question, 5, null, null, region, null, "BOT"));
		return new Match(hits, MatchConfidence.of(hits));
	}

	/** Registers the order a person takes up: only for a citizen who left a phone and agreed. */
	private String handOff(String question, Turn previous, Channel channel, String region, Contact contact) {
		var content = previous == null ? question : "（上一问）" + previous.question() + "\n" + question;
		var view = orders.register(new WorkOrders.NewWorkOrder(channel, RequestType.CONSULTATION, null, Urgency.NORMAL,
				"转人工：" + (question.length() > 60 ? question.substring(0, 60) + "…" : question),
				"智能问答未能回答，市民提问：\n" + content, null, contact.name(), contact.phone().digits(), false,
				false, null, region != null && region.length() == 9 ? region : null, null, null, null, null,
				List.of("机器人转人工"), null));
		return view.no().value();
	}

	private static Channel channel(String value) {
		if (value == null || value.isBlank()) {
			return Channel.WEB;
		}
		try {
			return Channel.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldException("channel", "渠道须为以下之一：" + List.of(Channel.values()));
		}
	}
}
