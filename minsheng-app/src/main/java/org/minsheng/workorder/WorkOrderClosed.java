package org.minsheng.workorder;

import java.time.OffsetDateTime;

/** A work order ended: closed, withdrawn or merged into another. */
public record WorkOrderClosed(WorkOrderNo no, WorkOrderState finalState, Satisfaction satisfaction, OffsetDateTime at) {
}
