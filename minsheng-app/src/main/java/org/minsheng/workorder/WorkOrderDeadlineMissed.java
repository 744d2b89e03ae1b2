package org.minsheng.workorder;

import java.time.OffsetDateTime;

import org.minsheng.identity.DepartmentId;

/** A time limit of a work order passed (超期). {@code department} is null for the center's own limits. */
public record WorkOrderDeadlineMissed(WorkOrderNo no, long clockId, SlaStage stage, DepartmentId department, OffsetDateTime dueAt, OffsetDateTime at) {
}
