package org.minsheng.workorder;

import java.time.OffsetDateTime;

import org.minsheng.identity.DepartmentId;

/** A time limit of a work order is mostly used up (预警). {@code department} is null for the center's own limits. */
public record WorkOrderDeadlineApproaching(WorkOrderNo no, long clockId, SlaStage stage, DepartmentId department, OffsetDateTime dueAt, OffsetDateTime at) {
}
