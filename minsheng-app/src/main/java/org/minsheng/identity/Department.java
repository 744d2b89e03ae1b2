package org.minsheng.identity;

import java.time.OffsetDateTime;

/** A department as other modules and clients see it. {@code path} lists the ids from the root, e.g. {@code /1/4/17/}. */
public record Department(DepartmentId id, String name, DepartmentType type, DepartmentId parentId,
		String divisionCode, String path, boolean enabled, OffsetDateTime createdAt) {

	public int depth() {
		return (int) path.chars().filter(c -> c == '/').count() - 2;
	}
}
