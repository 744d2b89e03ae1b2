package org.minsheng.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.minsheng.identity.Department;
import org.minsheng.identity.DepartmentId;
import org.minsheng.identity.DepartmentType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Department rows. The materialized {@code path} makes a subtree one indexed prefix query. */
@Repository
class DepartmentRows {

	private static final String COLUMNS = "id, name, type, parent_id, division_code, path, enabled, created_at";

	private static final RowMapper<Department> MAPPER = DepartmentRows::map;

	private final JdbcTemplate jdbc;

	private final DirectoryCache cache;

	DepartmentRows(JdbcTemplate jdbc, DirectoryCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
	}

	Optional<Department> find(long id) {
		return jdbc.query("select " + COLUMNS + " from department where id = ?", MAPPER, id).stream().findFirst();
	}

	List<Department> named(String name) {
		return jdbc.query("select " + COLUMNS + " from department where name = ? order by path", MAPPER, name);
	}

	List<Department> all() {
		return jdbc.query("select " + COLUMNS + " from department order by path", MAPPER);
	}

	List<Department> subtree(String path) {
		return jdbc.query("select " + COLUMNS + " from department where path like ? order by path", MAPPER,
				path + "%");
	}

	Set<Long> subtreeIds(String path) {
		return Set.copyOf(jdbc.queryForList("select id from department where path like ?", Long.class, path + "%"));
	}

	boolean exists() {
		return jdbc.queryForObject("select count(*) from department", Long.class) > 0;
	}

	boolean nameTaken(Long parentId, String name, Long exceptId) {
		var sql = "select count(*) from department where name = ? and "
				+ (parentId == null ? "parent_id is null" : "parent_id = " + parentId)
				+ (exceptId == null ? "" : " and id <> " + exceptId);
		return jdbc.queryForObject(sql, Long.class, name) > 0;
	}

	Department insert(String name, DepartmentType type, Department parent, String divisionCode, OffsetDateTime now) {
		cache.changed();
		var keys = new GeneratedKeyHolder();
		jdbc.update(con -> {
			var ps = con.prepareStatement("insert into department (name, type, parent_id, division_code, path,"
					+ " enabled, created_at) values (?, ?, ?, ?, ?, true, ?)", new String[] { "id" });
			ps.setString(1, name);
			ps.setString(2, type.name());
			ps.setObject(3, parent == null ? null : parent.id().value());
			ps.setString(4, divisionCode);
			ps.setString(5, "/");
			ps.setObject(6, now);
			return ps;
		}, keys);
		long id = keys.getKey().longValue();
		var path = (parent == null ? "/" : parent.path()) + id + "/";
		jdbc.update("update department set path = ? where id = ?", path, id);
		return find(id).orElseThrow();
	}

	void rename(long id, String name) {
		cache.changed();
		jdbc.update("update department set name = ?, version = version + 1 where id = ?", name, id);
	}

	void setEnabled(long id, boolean enabled) {
		cache.changed();
		jdbc.update("update department set enabled = ?, version = version + 1 where id = ?", enabled, id);
	}

	/** Re-parents a department and rewrites the paths of its whole subtree. */
	void move(Department department, Department newParent) {
		cache.changed();
		var oldPrefix = department.path();
		var newPrefix = newParent.path() + department.id().value() + "/";
		jdbc.update("update department set parent_id = ?, version = version + 1 where id = ?",
				newParent.id().value(), department.id().value());
		var rows = subtree(oldPrefix).stream()
			.map(d -> new Object[] { newPrefix + d.path().substring(oldPrefix.length()), d.id().value() })
			.toList();
		jdbc.batchUpdate("update department set path = ? where id = ?", rows);
	}

	private static Department map(ResultSet rs, int row) throws SQLException {
		long parent = rs.getLong("parent_id");
		var parentId = rs.wasNull() ? null : new DepartmentId(parent);
		return new Department(new DepartmentId(rs.getLong("id")), rs.getString("name"),
				DepartmentType.valueOf(rs.getString("type")), parentId,
				rs.getString("division_code"), rs.getString("path"), rs.getBoolean("enabled"),
				rs.getObject("created_at", OffsetDateTime.class));
	}
}
