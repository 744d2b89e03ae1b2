package org.minsheng.workorder;

import java.time.OffsetDateTime;
import java.util.List;

import org.minsheng.identity.DepartmentId;

/**
 * What the center's closed orders teach: their text, their category and the department that
 * finally handled them (the lead at closing, so departments that returned the order do not count).
 * Read by the system's own learning, not by a user: confidential orders are never given out.
 */
public interface ClosedOrderExamples {

	/** Orders closed (办结, not withdrawn or merged) since then, newest first, at most {@code limit}. */
	List<ClosedOrder> closedSince(OffsetDateTime since, int limit);

	record ClosedOrder(WorkOrderNo no, String title, String content, Long categoryId, DepartmentId handledBy,
			OffsetDateTime closedAt) {
	}
}
