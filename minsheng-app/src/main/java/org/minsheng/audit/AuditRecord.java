package org.minsheng.audit;

/**
 * What happened, to which record. Actor and source are taken from the current request unless
 * given (a failed login names the user who tried, not the anonymous caller).
 */
public record AuditRecord(AuditAction action, String targetType, String targetId, String detail, String actor,
		String source) {

	public AuditRecord {
		if (action == null) {
			throw new IllegalArgumentException("An audit record needs an action");
		}
	}

	public static AuditRecord of(AuditAction action, String targetType, Object targetId, String detail) {
		return new AuditRecord(action, targetType, targetId == null ? null : String.valueOf(targetId), detail, null,
				null);
	}

	public AuditRecord by(String actor) {
		return new AuditRecord(action, targetType, targetId, detail, actor, source);
	}

	public AuditRecord from(String source) {
		return new AuditRecord(action, targetType, targetId, detail, actor, source);
	}
}
