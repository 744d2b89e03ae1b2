package org.minsheng.knowledge.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.minsheng.knowledge.SearchHit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What callers and agents ask and what they get: every search, assist query and bot question with
 * the articles shown and the best score, and every article used to answer. The learning reports
 * (hot questions, questions without a good answer) read it.
 */
@Component
class QueryLog {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	QueryLog(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void searched(String source, String query, List<SearchHit> hits, String username) {
		var shown = hits.stream().limit(20).map(h -> Long.toString(h.id())).collect(Collectors.joining(","));
		jdbc.update("insert into kb_query_log (occurred_at, source, query, shown, top_score, top_coverage, username)"
				+ " values (?, ?, ?, ?, ?, ?, ?)", OffsetDateTime.now(clock), source,
				query.length() > 1000 ? query.substring(0, 1000) : query, shown.isEmpty() ? null : shown,
				hits.isEmpty() ? null : (double) hits.get(0).score(), hits.isEmpty() ? null : hits.get(0).coverage(),
				username);
	}

	void unanswered(String source, String query, String username) {
		jdbc.update("insert into kb_query_log (occurred_at, source, query, username) values (?, ?, ?, ?)",
				OffsetDateTime.now(clock), source + "_HANDOFF", query.length() > 1000 ? query.substring(0, 1000) : query,
				username);
	}

	/**
	 * Records that an article was used to answer: on the same person's latest query of the last
	 * half hour that showed it (so the log says what was shown and what was used), else as a use
	 * of its own.
	 */
	void used(String source, long articleId, String username) {
		var now = OffsetDateTime.now(clock);
		var shown = jdbc.queryForList("select id, shown from kb_query_log where username = ? and occurred_at >= ?"
				+ " and shown is not null and used_article_id is null order by id desc fetch first 20 rows only",
				username, now.minusMinutes(30));
		for (var row : shown) {
			if (Arrays.asList(((String) row.get("shown")).split(",")).contains(Long.toString(articleId))) {
				jdbc.update("update kb_query_log set used_article_id = ? where id = ?", articleId,
						((Number) row.get("id")).longValue());
				return;
			}
		}
		jdbc.update("insert into kb_query_log (occurred_at, source, query, used_article_id, username)"
				+ " values (?, ?, ?, ?, ?)", now, source, "", articleId, username);
	}
}
