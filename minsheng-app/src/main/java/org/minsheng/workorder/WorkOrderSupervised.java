package org.minsheng.workorder;

import java.time.OffsetDateTime;

import org.minsheng.identity.DepartmentId;

/** The center supervised a work order held by a department (督办, 催办, 升级督办). */
public record WorkOrderSupervised(WorkOrderNo no, DepartmentId department, SupervisionKind kind, String note, OffsetDateTime at) {
}
