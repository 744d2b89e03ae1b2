package org.minsheng.identity;

import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

/** Who is acting: the logged-in user (or service account) with its roles, permissions and data scope. */
public record Actor(UserId userId, String username, String displayName, DepartmentId departmentId,
		Set<Role> roles, Set<Permission> permissions, DataScope scope) {

	public boolean can(Permission permission) {
		return permissions.contains(permission);
	}

	/** Whether the person holds the permission the action takes. */
	public boolean mayTake(PermittedAction action) {
		return can(action.permission());
	}

	/** This actor when it holds the permission; otherwise access is denied (403). */
	public Actor require(Permission permission) {
		if (!can(permission)) {
			throw new AccessDeniedException(username + " lacks " + permission);
		}
		return this;
	}
}
