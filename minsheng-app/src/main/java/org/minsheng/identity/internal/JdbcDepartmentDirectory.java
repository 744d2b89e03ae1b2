package org.minsheng.identity.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.minsheng.identity.Department;
import org.minsheng.identity.DepartmentDirectory;
import org.minsheng.identity.DepartmentId;
import org.minsheng.identity.DepartmentRenamed;
import org.minsheng.identity.Role;
import org.minsheng.identity.UserId;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
class JdbcDepartmentDirectory implements DepartmentDirectory {

	private final DepartmentRows rows;

	private final NamedParameterJdbcTemplate named;

	private final DirectoryCache cache;

	JdbcDepartmentDirectory(DepartmentRows rows, JdbcTemplate jdbc, DirectoryCache cache) {
		this.rows = rows;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.cache = cache;
	}

	@Override
	public Optional<Department> get(DepartmentId id) {
		return id == null ? Optional.empty() : cache.department(id.value(), () -> rows.find(id.value()));
	}

	@Override
	public List<UserId> centerStaff(Set<Role> roles) {
		if (roles.isEmpty()) {
			return List.of();
		}
		return named.query(
				"select distinct u.id from app_user u join app_user_role r on r.user_id = u.id"
						+ " join department d on d.id = u.department_id"
						+ " where d.type = 'CENTER' and u.enabled = true and r.role in (:roles) order by u.id",
				new MapSqlParameterSource("roles", roles.stream().map(Role::name).toList()),
				(rs, i) -> new UserId(rs.getLong(1)));
	}

	/** Names label timelines and lists on every page; a rename shows everywhere within this time. */
	static final long NAME_TTL_NANOS = Duration.ofSeconds(30).toNanos();

	record CachedName(String name, long readAt) {
	}

	private final ConcurrentHashMap<Long, CachedName> nameCache = new ConcurrentHashMap<>();

	@Override
	public Map<Long, String> names(Collection<Long> ids) {
		var names = new HashMap<Long, String>();
		var missing = new HashSet<Long>();
		long now = System.nanoTime();
		for (var id : ids) {
			var cached = nameCache.get(id);
			if (cached != null && now - cached.readAt() < NAME_TTL_NANOS) {
				names.put(id, cached.name());
			}
			else {
				missing.add(id);
			}
		}
		if (missing.isEmpty()) {
			return names;
		}
		named.query("select id, name from department where id in (:ids)", new MapSqlParameterSource("ids", missing),
				rs -> {
					names.put(rs.getLong(1), rs.getString(2));
					nameCache.put(rs.getLong(1), new CachedName(rs.getString(2), now));
				});
		if (nameCache.size() > 100_000) {
			nameCache.clear();
		}
		return names;
	}

	/** This node renamed a department: its new name shows at once here. */
	@EventListener
	void on(DepartmentRenamed renamed) {
		nameCache.remove(renamed.department().value());
	}

	@Override
	public List<Department> named(String name) {
		return name == null || name.isBlank() ? List.of() : rows.named(name.strip());
	}

	@Override
	public boolean isBelow(DepartmentId department, DepartmentId ancestor) {
		var child = rows.find(department.value());
		var parent = rows.find(ancestor.value());
		return child.isPresent() && parent.isPresent() && !child.get().id().equals(parent.get().id())
				&& child.get().path().startsWith(parent.get().path());
	}

	@Override
	public List<UserId> members(DepartmentId department, Set<Role> roles) {
		if (roles.isEmpty()) {
			return List.of();
		}
		return cache.members(department.value(), roles, () -> List.copyOf(named.query(
				"select distinct u.id from app_user u join app_user_role r on r.user_id = u.id"
						+ " where u.department_id = :department and u.enabled = true and r.role in (:roles)"
						+ " order by u.id",
				new MapSqlParameterSource("department", department.value()).addValue("roles",
						roles.stream().map(Role::name).toList()),
				(rs, i) -> new UserId(rs.getLong(1)))));
	}
}
