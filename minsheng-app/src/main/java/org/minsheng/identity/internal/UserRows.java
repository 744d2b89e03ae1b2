package org.minsheng.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.minsheng.identity.DepartmentId;
import org.minsheng.identity.Role;
import org.minsheng.identity.UserAccount;
import org.minsheng.identity.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class UserRows {

	private static final String COLUMNS = "id, username, display_name, department_id, enabled, service_account,"
			+ " locked_until, created_at";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final DirectoryCache cache;

	UserRows(JdbcTemplate jdbc, DirectoryCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	Optional<UserAccount> find(long id) {
		return withRoles(jdbc.query("select " + COLUMNS + " from app_user where id = ?", UserRows::row, id)).stream()
			.findFirst();
	}

	Optional<UserAccount> findByUsername(String username) {
		return withRoles(jdbc.query("select " + COLUMNS + " from app_user where username = ?", UserRows::row,
				username))
			.stream()
			.findFirst();
	}

	/** Users of the given departments (null = every department), optionally matching a search text. */
	List<UserAccount> list(Collection<Long> departments, String search, Long department) {
		var sql = new StringBuilder("select " + COLUMNS + " from app_user where 1 = 1");
		var params = new MapSqlParameterSource();
		if (departments != null) {
			if (departments.isEmpty()) {
				return List.of();
			}
			sql.append(" and department_id in (:departments)");
			params.addValue("departments", departments);
		}
		if (department != null) {
			sql.append(" and department_id = :department");
			params.addValue("department", department);
		}
		if (search != null && !search.isBlank()) {
			sql.append(" and (lower(username) like :search or lower(display_name) like :search)");
			params.addValue("search", "%" + search.strip().toLowerCase() + "%");
		}
		sql.append(" order by username fetch first 1000 rows only");
		return withRoles(named.query(sql.toString(), params, UserRows::row));
	}

	Optional<MinshengPrincipal> principal(String username) {
		var rows = jdbc.query("select id, username, enabled, locked_until, service_account, password_hash"
				+ " from app_user where username = ?", (rs, i) -> new Object[] { rs.getLong("id"),
						rs.getString("username"), rs.getBoolean("enabled"),
						rs.getObject("locked_until", OffsetDateTime.class), rs.getBoolean("service_account"),
						rs.getString("password_hash") },
				username);
		return rows.stream().findFirst().map(r -> new MinshengPrincipal((long) r[0], (String) r[1],
				roles(List.of((long) r[0])).getOrDefault((long) r[0], Set.of()), (boolean) r[2],
				(OffsetDateTime) r[3], (boolean) r[4], (String) r[5]));
	}

	Optional<MinshengPrincipal> principal(long userId) {
		return jdbc.queryForList("select username from app_user where id = ?", String.class, userId)
			.stream()
			.findFirst()
			.flatMap(this::principal);
	}

	boolean usernameTaken(String username) {
		return jdbc.queryForObject("select count(*) from app_user where lower(username) = lower(?)", Long.class,
				username) > 0;
	}

	boolean any() {
		return jdbc.queryForObject("select count(*) from app_user", Long.class) > 0;
	}

	long insert(String username, String displayName, long departmentId, String passwordHash,
			boolean serviceAccount, Set<Role> roles, OffsetDateTime now) {
		var keys = new GeneratedKeyHolder();
		jdbc.update(con -> {
			var ps = con.prepareStatement("insert into app_user (username, display_name, department_id,"
					+ " password_hash, enabled, service_account, failed_attempts, password_changed_at, created_at)"
					+ " values (?, ?, ?, ?, true, ?, 0, ?, ?)", new String[] { "id" });
			ps.setString(1, username);
			ps.setString(2, displayName);
			ps.setLong(3, departmentId);
			ps.setString(4, passwordHash);
			ps.setBoolean(5, serviceAccount);
			ps.setObject(6, now);
			ps.setObject(7, now);
			return ps;
		}, keys);
		long id = keys.getKey().longValue();
		replaceRoles(id, roles);
		return id;
	}

	void replaceRoles(long userId, Set<Role> roles) {
		cache.changed();
		jdbc.update("delete from app_user_role where user_id = ?", userId);
		jdbc.batchUpdate("insert into app_user_role (user_id, role) values (?, ?)",
				roles.stream().map(r -> new Object[] { userId, r.name() }).toList());
	}

	void setEnabled(long id, boolean enabled) {
		cache.changed();
		jdbc.update("update app_user set enabled = ?, version = version + 1 where id = ?", enabled, id);
	}

	void setPassword(long id, String hash, OffsetDateTime now) {
		jdbc.update("update app_user set password_hash = ?, password_changed_at = ?, failed_attempts = 0,"
				+ " locked_until = null, version = version + 1 where id = ?", hash, now, id);
	}

	void setDepartment(long id, long departmentId) {
		cache.changed();
		jdbc.update("update app_user set department_id = ?, version = version + 1 where id = ?", departmentId, id);
	}

	/** Locks the account until then (many failures from many sources, or a session guessing its password). */
	void lock(String username, OffsetDateTime until) {
		jdbc.update("update app_user set locked_until = ? where username = ?", until, username);
	}

	long insertToken(long userId, String name, String hash, OffsetDateTime now, OffsetDateTime expiresAt) {
		var keys = new GeneratedKeyHolder();
		jdbc.update(con -> {
			var ps = con.prepareStatement("insert into api_token (user_id, name, token_hash, created_at, expires_at)"
					+ " values (?, ?, ?, ?, ?)", new String[] { "id" });
			ps.setLong(1, userId);
			ps.setString(2, name);
			ps.setString(3, hash);
			ps.setObject(4, now);
			ps.setObject(5, expiresAt);
			return ps;
		}, keys);
		return keys.getKey().longValue();
	}

	int revokeToken(long userId, long tokenId, OffsetDateTime now) {
		return jdbc.update("update api_token set revoked_at = ? where id = ? and user_id = ? and revoked_at is null",
				now, tokenId, userId);
	}

	/** The user id a live (not revoked, not expired) token belongs to. */
	Optional<Long> tokenOwner(String hash, OffsetDateTime now) {
		var ids = jdbc.queryForList("select t.user_id from api_token t join app_user u on u.id = t.user_id"
				+ " where t.token_hash = ? and t.revoked_at is null and (t.expires_at is null or t.expires_at > ?)"
				+ " and u.enabled = true", Long.class, hash, now);
		if (!ids.isEmpty()) {
			jdbc.update("update api_token set last_used_at = ? where token_hash = ?"
					+ " and (last_used_at is null or last_used_at < ?)", now, hash, now.minusMinutes(1));
		}
		return ids.stream().findFirst();
	}

	private List<UserAccount> withRoles(List<UserAccount> users) {
		if (users.isEmpty()) {
			return users;
		}
		var roles = roles(users.stream().map(u -> u.id().value()).toList());
		var result = new ArrayList<UserAccount>(users.size());
		for (var u : users) {
			result.add(new UserAccount(u.id(), u.username(), u.displayName(), u.departmentId(),
					roles.getOrDefault(u.id().value(), Set.of()), u.enabled(), u.serviceAccount(), u.lockedUntil(),
					u.createdAt()));
		}
		return result;
	}

	private Map<Long, Set<Role>> roles(List<Long> userIds) {
		var result = new HashMap<Long, Set<Role>>();
		for (int from = 0; from < userIds.size(); from += 500) {
			var chunk = userIds.subList(from, Math.min(userIds.size(), from + 500));
			named.query("select user_id, role from app_user_role where user_id in (:ids)",
					new MapSqlParameterSource("ids", chunk), rs -> {
						result.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Role.class))
							.add(Role.valueOf(rs.getString(2)));
					});
		}
		return result;
	}

	private static UserAccount row(ResultSet rs, int i) throws SQLException {
		return new UserAccount(new UserId(rs.getLong("id")), rs.getString("username"), rs.getString("display_name"),
				new DepartmentId(rs.getLong("department_id")), Set.of(), rs.getBoolean("enabled"),
				rs.getBoolean("service_account"), rs.getObject("locked_until", OffsetDateTime.class),
				rs.getObject("created_at", OffsetDateTime.class));
	}
}
