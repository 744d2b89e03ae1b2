package org.minsheng.bot.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.minsheng.bot.FaqBot.Alternative;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last turn of each bot conversation, in the database: every node of a cluster reads the same
 * conversation, and a restart loses none. A conversation belongs to the account that started it (a
 * channel's service account): another account presenting its id starts afresh. Turns older than
 * {@link #TTL} are forgotten, and removed every few minutes.
 */
@Component
class Conversations {

	/** Conversations are remembered this long after their last turn. */
	static final Duration TTL = Duration.ofMinutes(30);

	/** What the bot remembers of a conversation's last turn: the question, and the articles it offered or the others that matched its answer. */
	record Turn(String question, Instant at, List<Alternative> offered, boolean clarifying) {
	}

	private static final TypeReference<List<Alternative>> ALTERNATIVES = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final Clock clock;

	Conversations(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** The conversation's last turn when it is recent and the actor's own. */
	Optional<Turn> last(String sessionId, String actor) {
		var since = OffsetDateTime.ofInstant(clock.instant().minus(TTL), ZoneOffset.UTC);
		return jdbc.query("select question, offered, clarifying, last_at from bot_conversation where session_id = ?"
				+ " and actor = ? and last_at >= ?", (rs, n) -> new Turn(rs.getString(1),
						rs.getObject(4, OffsetDateTime.class).toInstant(), json.readValue(rs.getString(2), ALTERNATIVES),
						rs.getBoolean(3)), sessionId, actor, since)
			.stream()
			.findFirst();
	}

	/**
	 * Remembers the turn as the conversation's last (the question's last 200 characters, at most 20
	 * articles). Each statement commits on its own (the bot's turn is not a transaction): a lost race
	 * to insert does not spoil the update that follows it.
	 */
	void remember(String sessionId, String actor, Turn turn) {
		var question = turn.question().length() > 200 ? turn.question().substring(turn.question().length() - 200)
				: turn.question();
		var offered = json.writeValueAsString(turn.offered().size() > 20 ? turn.offered().subList(0, 20) : turn.offered());
		if (offered.length() > 8000) offered = "[]";
		var at = OffsetDateTime.ofInstant(turn.at(), ZoneOffset.UTC);
		if (update(sessionId, actor, question, offered, turn.clarifying(), at) == 0) {
			try {
				jdbc.update("insert into bot_conversation (session_id, actor, question, offered, clarifying, last_at)"
						+ " values (?, ?, ?, ?, ?, ?)", sessionId, actor, question, offered, turn.clarifying(), at);
			}
			catch (DuplicateKeyException e) {
				// another node wrote the same conversation's turn at the same moment: the later write wins
				update(sessionId, actor, question, offered, turn.clarifying(), at);
			}
		}
	}

	private int update(String sessionId, String actor, String question, String offered, boolean clarifying,
			OffsetDateTime at) {
		return jdbc.update("update bot_conversation set actor = ?, question = ?, offered = ?, clarifying = ?, last_at = ?"
				+ " where session_id = ?", actor, question, offered, clarifying, at, sessionId);
	}

	/** Ends a conversation (a hand-off): the next question starts afresh. */
	void forget(String sessionId) {
		jdbc.update("delete from bot_conversation where session_id = ?", sessionId);
	}

	@Scheduled(fixedDelayString = "${minsheng.bot.conversation-purge-interval:5m}")
	void purge() {
		jdbc.update("delete from bot_conversation where last_at < ?",
				OffsetDateTime.ofInstant(clock.instant().minus(TTL), ZoneOffset.UTC));
	}
}
