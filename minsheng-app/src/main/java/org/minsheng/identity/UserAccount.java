package org.minsheng.identity;

import java.time.OffsetDateTime;
import java.util.Set;

/** A user as clients see it; never carries the password hash. */
public record UserAccount(UserId id, String username, String displayName, DepartmentId departmentId,
		Set<Role> roles, boolean enabled, boolean serviceAccount, OffsetDateTime lockedUntil,
		OffsetDateTime createdAt) {
}
