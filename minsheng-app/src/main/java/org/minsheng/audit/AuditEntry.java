package org.minsheng.audit;

import java.time.OffsetDateTime;

/** A stored audit entry; {@code seq} and {@code hash} are null until the entry is sealed into the chain. */
public record AuditEntry(long id, Long seq, OffsetDateTime occurredAt, String actor, String action,
		String targetType, String targetId, String source, String detail, String hash) {

	/** The action in the inspector's words (动作). */
	public String actionLabel() {
		return AuditAction.labelOf(action);
	}
}
