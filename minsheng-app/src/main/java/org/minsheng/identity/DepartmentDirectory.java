package org.minsheng.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Facts about departments that any module may know regardless of the actor's data scope: their
 * names and place in the tree (to label a timeline or check a dispatch target) and who works in
 * them (to notify). It never lists departments to a user; {@link Departments} does that with scope.
 */
public interface DepartmentDirectory {

	Optional<Department> get(DepartmentId id);

	/** Names by id for the ids that exist. */
	Map<Long, String> names(Collection<Long> ids);

	/** Departments with exactly this name (names repeat across the tree: 城管科 in every district). */
	List<Department> named(String name);

	/** True when {@code department} lies strictly below {@code ancestor} in the tree. */
	boolean isBelow(DepartmentId department, DepartmentId ancestor);

	/** Enabled users of the department holding any of the roles. */
	List<UserId> members(DepartmentId department, Set<Role> roles);

	/** Enabled users of the hotline center (departments of type CENTER) holding any of the roles. */
	List<UserId> centerStaff(Set<Role> roles);
}
