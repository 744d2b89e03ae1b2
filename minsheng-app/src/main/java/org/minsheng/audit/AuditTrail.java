package org.minsheng.audit;

import java.util.List;

/** The audit trail: append in the caller's transaction, read with filters, verify the chain. */
public interface AuditTrail {

	/** Appends an entry; joins the caller's transaction so that it commits or rolls back with the change. */
	void record(AuditRecord record);

	/** Appends many entries in one statement batch (imports, bulk operations). */
	void recordAll(List<AuditRecord> records);

	/** Seals every committed but unsealed entry into the chain; returns how many were sealed. */
	int seal();

	ChainVerification verify();

	List<AuditEntry> find(AuditQuery query);

	long count(AuditQuery query);
}
