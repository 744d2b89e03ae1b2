package org.minsheng.identity;

import java.util.Set;

/**
 * Which departments' records an actor may see and act on: everything (center staff, system
 * admins) or the subtree of the actor's own department. Queries apply it in SQL with
 * {@link #departmentIds()}; {@link #includes} checks a single record.
 */
public record DataScope(boolean all, Set<Long> departmentIds) {

	public DataScope {
		departmentIds = departmentIds == null ? Set.of() : Set.copyOf(departmentIds);
	}

	public static DataScope everything() {
		return new DataScope(true, Set.of());
	}

	public static DataScope nothing() {
		return new DataScope(false, Set.of());
	}

	public boolean includes(DepartmentId department) {
		return department != null && (all || departmentIds.contains(department.value()));
	}
}
