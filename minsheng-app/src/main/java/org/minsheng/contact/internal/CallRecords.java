package org.minsheng.contact.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.contact.ContactCenter.CallQuery;
import org.minsheng.contact.ContactCenter.CallRecord;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.platform.NotFoundException;
import org.minsheng.sip.CallId;
import org.minsheng.workorder.WorkOrderNo;
import org.minsheng.workorder.WorkOrders;

/**
 * Who may read which call record and recording: supervisors every call, agents their own. Callers'
 * numbers in clear and every recording played are personal-data reads, audited.
 */
final class CallRecords {

	private final CallLog callLog;

	private final CurrentActor current;

	private final AuditTrail audit;

	private final WorkOrders orders;

	CallRecords(CallLog callLog, CurrentActor current, AuditTrail audit, WorkOrders orders) {
		this.callLog = callLog;
		this.current = current;
		this.audit = audit;
		this.orders = orders;
	}

	/** The calls of an order the actor may see (agents and supervisors), numbers masked. */
	List<CallRecord> of(WorkOrderNo no) {
		var actor = current.get();
		if (!actor.can(Permission.CONTACT_SUPERVISE)) actor.require(Permission.CONTACT_AGENT);
		orders.find(no).orElseThrow(() -> new NotFoundException("工单", no));
		return callLog.ofOrder(no.value());
	}

	List<CallRecord> list(CallQuery query) {
		var actor = current.get();
		if (actor.can(Permission.CONTACT_SUPERVISE)) {
			boolean unmask = actor.can(Permission.PERSONAL_DATA_UNMASK);
			var records = callLog.list(query, unmask);
			if (unmask && !records.isEmpty()) {
				audit.record(AuditRecord.of(AuditAction.CONTACT_CALLS_READ_UNMASKED, "contact_call", "list",
						records.size() + " calls, from=" + query.from() + ", to=" + query.to() + ", agent=" + query.agent()));
			}
			return records;
		}
		actor.require(Permission.CONTACT_AGENT);
		return callLog.list(own(query), false);
	}

	long count(CallQuery query) {
		var actor = current.get();
		if (actor.can(Permission.CONTACT_SUPERVISE)) return callLog.count(query);
		actor.require(Permission.CONTACT_AGENT);
		return callLog.count(own(query));
	}

	/** An agent's query reads the agent's own calls whatever agent it names. */
	private CallQuery own(CallQuery query) {
		return new CallQuery(query.from(), query.to(), current.get().username(), query.disposition(), query.limit(),
				query.offset());
	}

	Optional<CallRecord> one(CallId callId) {
		boolean unmask = current.get().can(Permission.PERSONAL_DATA_UNMASK);
		var record = visible(callId, unmask);
		if (unmask && record.isPresent()) {
			audit.record(AuditRecord.of(AuditAction.CONTACT_CALL_READ_UNMASKED, "contact_call", LiveCallControl.auditId(callId), null));
		}
		return record;
	}

	/** The call's recording file, if this actor may hear it; who listened to which call is the auditor's business. */
	Optional<Path> recording(CallId callId) {
		var file = visible(callId, false).flatMap(r -> callLog.recordingFile(callId)).map(Path::of).filter(Files::exists);
		file.ifPresent(f -> audit.record(AuditRecord.of(AuditAction.CONTACT_RECORDING_READ, "contact_call",
				LiveCallControl.auditId(callId), f.getFileName().toString())));
		return file;
	}

	private Optional<CallRecord> visible(CallId callId, boolean unmask) {
		var actor = current.get();
		var record = callLog.find(callId, unmask);
		if (actor.can(Permission.CONTACT_SUPERVISE)) return record;
		actor.require(Permission.CONTACT_AGENT);
		return record.filter(r -> actor.username().equals(r.agent()));
	}
}
