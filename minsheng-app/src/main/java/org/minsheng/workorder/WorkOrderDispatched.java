package org.minsheng.workorder;

import java.time.OffsetDateTime;
import java.util.List;

import org.minsheng.identity.DepartmentId;

/** A work order was dispatched, automatically, by a dispatcher, or reassigned, to a lead department. */
public record WorkOrderDispatched(WorkOrderNo no, DepartmentId lead, List<DepartmentId> coHandlers, boolean automatic, boolean reassigned, OffsetDateTime at) {
}
