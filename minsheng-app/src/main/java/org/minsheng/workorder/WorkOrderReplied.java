package org.minsheng.workorder;

import java.time.OffsetDateTime;

import org.minsheng.identity.DepartmentId;

/** The lead department replied to a work order (办结反馈). */
public record WorkOrderReplied(WorkOrderNo no, DepartmentId department, ResultType result, OffsetDateTime at) {
}
