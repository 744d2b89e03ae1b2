package org.minsheng.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minsheng.testsupport.Api;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.IdentityFixture;

import tools.jackson.databind.JsonNode;

/** The FAQ bot of the text channels, through its API, as a web chat's service account uses it. */
abstract class BotContract extends ApplicationTest {

	Api.Session editor;

	Api.Session reviewer;

	Api.Session bot;

	long center;

	String tag;

	@BeforeEach
	void channel() {
		center = given.rootId();
		var unique = IdentityFixture.unique("");
		editor = session("boted" + unique, center, "SUPERVISOR");
		reviewer = session("botrv" + unique, center, "SUPERVISOR");
		bot = session("webchat" + unique, center, "BOT");
		tag = "zz" + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36).replaceAll("[0-9]", "");
	}

	private Api.Session session(String name, long department, String role) {
		given.user(name, department, role);
		return api.as(name, IdentityFixture.PASSWORD);
	}

	long publishedFaq(String title, String body, String... questions) {
		var m = new HashMap<String, Object>();
		m.put("type", "FAQ");
		m.put("departmentId", center);
		m.put("title", title);
		m.put("body", body);
		m.put("questions", List.of(questions));
		long id = ok(editor.post("/api/kb/articles", m)).get("id").asLong();
		ok(editor.post("/api/kb/articles/" + id + "/submit", null));
		ok(reviewer.post("/api/kb/articles/" + id + "/approve", null));
		return id;
	}

	static JsonNode ok(Api.Response r) {
		assertThat(r.status()).as(r.body()).isBetween(200, 299);
		return r.json();
	}

	@Test
	void answersFromThePublishedArticleThatCoversTheQuestion() {
		long id = publishedFaq(tag + "社保卡补办", "<p>社保卡遗失后，携带身份证到任一社保服务网点即可补办" + tag + "，当场制卡。</p>",
				"社保卡丢了怎么补办" + tag);

		var answer = ok(bot.post("/api/bot/ask", Map.of("question", "社保卡丢了怎么补办" + tag)));

		assertThat(answer.get("handoff").asBoolean()).isFalse();
		assertThat(answer.get("articleId").asLong()).isEqualTo(id);
		assertThat(answer.get("answer").asString()).contains("携带身份证到任一社保服务网点").doesNotContain("<p>");
		assertThat(answer.get("confidence").asDouble()).isGreaterThanOrEqualTo(0.6);
		assertThat(answer.get("sessionId").asString()).isNotBlank();
		assertThat(count("select used_count from kb_article where id = ?", id)).isEqualTo(1);
	}

	@Test
	void withoutAPhoneAndAYesItRegistersNothingButGivesTheHotlineAndHandsOverOnceBothCome() {
		var question = tag + "火星移民签证怎么加急办理";
		var referred = ok(bot.post("/api/bot/ask", Map.of("question", question)));

		assertThat(referred.get("outcome").asString()).isEqualTo("REFERRED");
		assertThat(referred.get("handoff").asBoolean()).isFalse();
		assertThat(referred.get("orderNo").isNull()).isTrue();
		assertThat(referred.get("answer").asString()).contains("12345").contains("联系电话").contains("同意登记");
		assertThat(count("select count(*) from work_order where content like ?", "%" + question + "%")).isZero();

		// a phone without the citizen's yes: still no order, and the bot asks for the yes
		var session = referred.get("sessionId").asString();
		var phone = "138" + String.format("%08d", System.nanoTime() % 100_000_000);
		var noYes = ok(bot.post("/api/bot/ask", Map.of("question", "转人工", "sessionId", session, "callerPhone", phone)));
		assertThat(noYes.get("outcome").asString()).isEqualTo("REFERRED");
		assertThat(noYes.get("answer").asString()).contains("确认同意登记");

		// both: the earlier question goes to a person with the way back
		var handed = ok(bot.post("/api/bot/ask", Map.of("question", "转人工", "sessionId", session, "callerPhone",
				phone.replace('1', '１'), "consent", true)));
		assertThat(handed.get("outcome").asString()).isEqualTo("HANDED_OFF");
		var order = jdbc.queryForMap("select content, anonymous from work_order where order_no = ?",
				handed.get("orderNo").asString());
		assertThat(order.get("content").toString()).contains(question);
		assertThat(order.get("anonymous")).isEqualTo(false);

		// a phone that is no phone is named
		var bad = bot.post("/api/bot/ask", Map.of("question", "转人工", "callerPhone", "电话12", "consent", true));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("callerPhone");
	}

	@Test
	void handsOverToAPersonWithAnOrderWhenUnsure() {
		var answer = ok(bot.post("/api/bot/ask", Map.of("question", tag + "火星移民签证怎么加急办理", "channel", "MINI_PROGRAM",
				"callerPhone", "13800138000", "consent", true)));

		assertThat(answer.get("handoff").asBoolean()).isTrue();
		assertThat(answer.get("outcome").asString()).isEqualTo("HANDED_OFF");
		assertThat(answer.get("articleId").isNull()).isTrue();
		var no = answer.get("orderNo").asString();
		assertThat(answer.get("answer").asString()).contains("转人工").contains(no);
		var order = jdbc.queryForMap("select state, channel, tags, content from work_order where order_no = ?", no);
		assertThat(order.get("state")).isEqualTo("PENDING_DISPATCH");
		assertThat(order.get("channel")).isEqualTo("MINI_PROGRAM");
		assertThat(order.get("tags").toString()).contains("机器人转人工");
		assertThat(order.get("content").toString()).contains("火星移民签证");
		assertThat(count("select count(*) from kb_query_log where source = 'BOT_HANDOFF' and query like ?",
				"%" + tag + "%")).isEqualTo(1);
	}

	@Test
	void readsAShortFollowUpWithTheQuestionBeforeIt() {
		long id = publishedFaq(tag + "居住证办理", "<p>办理" + tag + "居住证需要带身份证、租赁合同和一寸照片，到社区工作站申请。</p>",
				tag + "居住证怎么办理");
		var first = ok(bot.post("/api/bot/ask", Map.of("question", tag + "居住证怎么办理")));
		assertThat(first.get("articleId").asLong()).isEqualTo(id);

		var followUp = ok(bot.post("/api/bot/ask",
				Map.of("question", "要带什么材料", "sessionId", first.get("sessionId").asString())));

		assertThat(followUp.get("handoff").asBoolean()).isFalse();
		assertThat(followUp.get("articleId").asLong()).isEqualTo(id);
	}

	/** Two articles that each answer half of a question about both: the bot cannot tell which is meant. */
	long[] twoHalves() {
		long card = publishedFaq(tag + "社保卡补办", "<p>社保卡遗失后携带身份证到社保网点补办" + tag + "。</p>", tag + "社保卡补办");
		long fund = publishedFaq(tag + "公积金提取", "<p>公积金提取请携带身份证到公积金中心办理" + tag + "。</p>", tag + "公积金提取");
		return new long[] { card, fund };
	}

	@Test
	void asksWhichArticleIsMeantWhenUnsureAndAnswersTheOneChosen() {
		var ids = twoHalves();

		var asked = ok(bot.post("/api/bot/ask", Map.of("question", tag + "社保卡补办 公积金提取")));

		assertThat(asked.get("clarifying").asBoolean()).as(asked.toString()).isTrue();
		assertThat(asked.get("handoff").asBoolean()).isFalse();
		assertThat(asked.get("answer").asString()).contains("请回复序号").contains("1. ").contains("2. ");
		var offered = asked.get("alternatives").findValuesAsString("articleId");
		assertThat(offered).contains(Long.toString(ids[0]), Long.toString(ids[1]));

		var second = ok(bot.post("/api/bot/ask", Map.of("question", "第二个", "sessionId", asked.get("sessionId").asString())));

		assertThat(second.get("clarifying").asBoolean()).isFalse();
		assertThat(second.get("articleId").asString()).isEqualTo(offered.get(1));
		assertThat(second.get("answer").asString()).contains("携带身份证");
	}

	@Test
	void aConversationLivesInTheDatabaseBelongsToItsChannelAndIsForgottenAfterHalfAnHour() {
		var ids = twoHalves();
		var asked = ok(bot.post("/api/bot/ask", Map.of("question", tag + "社保卡补办 公积金提取")));
		assertThat(asked.get("clarifying").asBoolean()).as(asked.toString()).isTrue();
		var sessionId = asked.get("sessionId").asString();
		// kept where every node of a cluster reads it, not in this node's memory
		assertThat(count("select count(*) from bot_conversation where session_id = ? and clarifying = true", sessionId))
			.isEqualTo(1);

		// another channel's account presenting the id starts afresh: "第二个" is no choice of its
		var other = session("appchat" + IdentityFixture.unique(""), center, "BOT");
		var elsewhere = ok(other.post("/api/bot/ask", Map.of("question", "第二个", "sessionId", sessionId)));
		assertThat(elsewhere.get("articleId").isNull() || elsewhere.get("articleId").asLong() != ids[1]).as(elsewhere.toString())
			.isTrue();

		// half an hour later the conversation is forgotten
		jdbc.update("update bot_conversation set last_at = ? where session_id = ?",
				java.time.OffsetDateTime.now().minusMinutes(31), sessionId);
		var late = ok(bot.post("/api/bot/ask", Map.of("question", "第二个", "sessionId", sessionId)));
		assertThat(late.get("articleId").isNull() || late.get("articleId").asLong() != ids[1]).as(late.toString()).isTrue();
	}

	@Test
	void handsOverWhenNoneOfTheOfferedArticlesIsMeantOrWhenAPersonIsAskedFor() {
		twoHalves();
		var asked = ok(bot.post("/api/bot/ask", Map.of("question", tag + "社保卡补办 公积金提取")));
		assertThat(asked.get("clarifying").asBoolean()).isTrue();

		var none = ok(bot.post("/api/bot/ask", Map.of("question", "都不是", "sessionId", asked.get("sessionId").asString(),
				"callerPhone", "13800138000", "consent", true)));

		assertThat(none.get("handoff").asBoolean()).isTrue();
		var content = jdbc.queryForObject("select content from work_order where order_no = ?", String.class,
				none.get("orderNo").asString());
		assertThat(content).as("the order holds the question, not the reply").contains("社保卡补办 公积金提取");

		var person = ok(bot.post("/api/bot/ask", Map.of("question", "我要转人工", "callerPhone", "0755-83456789", "consent", true)));
		assertThat(person.get("handoff").asBoolean()).isTrue();
		assertThat(person.get("orderNo").asString()).isNotBlank();
	}

	@Test
	void offersTheOtherArticlesWhenAnAnswerDidNotHelp() {
		long id = publishedFaq(tag + "居住证办理", "<p>办理" + tag + "居住证需要带身份证和租赁合同。</p>", tag + "居住证怎么办理");
		long other = publishedFaq(tag + "居住证续签", "<p>" + tag + "居住证到期前30日内到社区续签。</p>", tag + "居住证续签");
		var first = ok(bot.post("/api/bot/ask", Map.of("question", tag + "居住证怎么办理")));
		assertThat(first.get("articleId").asLong()).isEqualTo(id);

		var notHelped = ok(bot.post("/api/bot/ask", Map.of("question", "没解决", "sessionId", first.get("sessionId").asString())));

		assertThat(notHelped.get("clarifying").asBoolean()).isTrue();
		assertThat(notHelped.get("answer").asString()).startsWith("抱歉没能帮到您");
		assertThat(notHelped.get("alternatives").findValuesAsString("articleId")).contains(Long.toString(other));
	}

	@Test
	void refusesAnEmptyQuestionOrABadRegionWithTheField() {
		var empty = bot.post("/api/bot/ask", Map.of("question", " "));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("question");
		var region = bot.post("/api/bot/ask", Map.of("question", "社保卡", "region", "44X"));
		assertThat(region.status()).isEqualTo(400);
		assertThat(region.body()).contains("region");
		var channel = bot.post("/api/bot/ask", Map.of("question", "社保卡", "channel", "FAX"));
		assertThat(channel.status()).isEqualTo(400);
		assertThat(channel.body()).contains("channel");
		assertThat(api.anonymous().post("/api/bot/ask", Map.of("question", "社保卡")).status()).isEqualTo(401);
	}
}
