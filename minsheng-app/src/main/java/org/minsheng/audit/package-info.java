/**
 * Append-only audit trail. Entries are written in the caller's transaction (so an audit entry
 * exists exactly when the change it describes was committed) and then sealed into a hash chain
 * with SM3, which {@link org.minsheng.audit.AuditTrail#verify()} checks end to end.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.minsheng.audit;
