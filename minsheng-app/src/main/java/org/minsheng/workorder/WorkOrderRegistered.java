package org.minsheng.workorder;

import java.time.OffsetDateTime;

/** A work order was registered (and, when {@code closedOnSpot}, answered at once). */
public record WorkOrderRegistered(WorkOrderNo no, Long categoryId, String divisionCode, Channel channel, Urgency urgency, boolean closedOnSpot, OffsetDateTime at) {
}
