package org.minsheng.audit;

import java.time.OffsetDateTime;

/** Filters for the audit viewer; null means no filter. {@code page} counts from 0. */
public record AuditQuery(String actor, String action, String targetType, String targetId, OffsetDateTime from,
		OffsetDateTime to, int page, int size) {

	public AuditQuery {
		if (page < 0) {
			throw new IllegalArgumentException("page must not be negative");
		}
		if (size < 1 || size > 500) {
			throw new IllegalArgumentException("size must be between 1 and 500");
		}
	}

	public static AuditQuery firstPage(int size) {
		return new AuditQuery(null, null, null, null, null, null, 0, size);
	}
}
