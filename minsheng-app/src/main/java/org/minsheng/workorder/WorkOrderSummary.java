package org.minsheng.workorder;

import java.time.OffsetDateTime;

/** One line of an order list. {@code callerPhone} is masked, and null on confidential orders shown to departments. */
public record WorkOrderSummary(WorkOrderNo no, String title, WorkOrderState state, String stateLabel,
		RequestType requestType, Urgency urgency, String categoryPath, String leadDepartment, String holderDepartment,
		OffsetDateTime dueAt, String warning, boolean supervised, String callerPhone, OffsetDateTime registeredAt) {
}
