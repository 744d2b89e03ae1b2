package org.minsheng.knowledge.internal;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.minsheng.knowledge.Synonyms.SynonymGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class SynonymRows {

	private final JdbcTemplate jdbc;

	SynonymRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<SynonymGroup> all() {
		return jdbc.query("select id, terms from kb_synonym order by id",
				(rs, n) -> new SynonymGroup(rs.getLong(1), Arrays.asList(rs.getString(2).split(","))));
	}

	long insert(List<String> terms, String by, OffsetDateTime at) {
		var keys = new GeneratedKeyHolder();
		jdbc.update(con -> {
			var ps = con.prepareStatement("insert into kb_synonym (terms, created_by, created_at) values (?, ?, ?)",
					new String[] { "id" });
			ps.setString(1, String.join(",", terms));
			ps.setString(2, by);
			ps.setObject(3, at);
			return ps;
		}, keys);
		return keys.getKey().longValue();
	}

	boolean delete(long id) {
		return jdbc.update("delete from kb_synonym where id = ?", id) > 0;
	}
}
