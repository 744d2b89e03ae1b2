package org.minsheng.workorder;

import java.time.OffsetDateTime;

import org.minsheng.identity.DepartmentId;

/** The lead department returned a work order to the center (退单). */
public record WorkOrderReturned(WorkOrderNo no, DepartmentId department, String reason, OffsetDateTime at) {
}
