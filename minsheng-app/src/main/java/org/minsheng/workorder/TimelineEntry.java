package org.minsheng.workorder;

import java.time.OffsetDateTime;
import java.util.List;

/** One step on a work order's timeline as staff see it. */
public record TimelineEntry(int seq, OffsetDateTime at, TimelineAction action, String actionLabel,
		WorkOrderState fromState, WorkOrderState toState, String actor, String actorName, String actorDepartment,
		String department, String comment, List<Attachment> attachments) {
}
