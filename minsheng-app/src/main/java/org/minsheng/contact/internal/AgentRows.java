package org.minsheng.contact.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The agents' SIP accounts: extension, digest HA1 (never a password), skills. */
@Repository
class AgentRows {

	record Row(String username, String extension, String ha1, Map<String, Integer> skills) {
	}

	private final JdbcTemplate jdbc;

	AgentRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<Row> all() {
		return jdbc.query("select username, extension, ha1, skills from contact_agent order by username",
				(rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
						CallPlanParser.skills(rs.getString(4))));
	}

	Optional<Row> byExtension(String extension) {
		return jdbc.query("select username, extension, ha1, skills from contact_agent where extension = ?",
				(rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
						CallPlanParser.skills(rs.getString(4))), extension).stream().findFirst();
	}

	Optional<Row> byUsername(String username) {
		return jdbc.query("select username, extension, ha1, skills from contact_agent where username = ?",
				(rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
						CallPlanParser.skills(rs.getString(4))), username).stream().findFirst();
	}

	void save(Row row, OffsetDateTime now) {
		var skills = new TreeMap<>(row.skills()).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
			.collect(Collectors.joining(","));
		int updated = jdbc.update("update contact_agent set extension = ?, ha1 = ?, skills = ?, updated_at = ? where username = ?",
				row.extension(), row.ha1(), skills, now, row.username());
		if (updated == 0) {
			jdbc.update("insert into contact_agent (username, extension, ha1, skills, created_at, updated_at) values (?, ?, ?, ?, ?, ?)",
					row.username(), row.extension(), row.ha1(), skills, now, now);
		}
	}
}
