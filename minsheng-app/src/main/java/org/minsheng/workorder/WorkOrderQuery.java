package org.minsheng.workorder;

import java.time.OffsetDateTime;
import java.util.Set;

import org.minsheng.identity.DepartmentId;

/**
 * A filter over the orders the actor may see. Null fields do not filter.
 *
 * @param department orders this department leads (主办单位)
 * @param categoryId the category or any below it
 * @param due {@code SOON}: a running limit ends within {@code dueWithinHours}; {@code OVERDUE}: a limit has passed
 * @param phone the caller's phone, matched through its blind index
 * @param text words in the title or content
 * @param supervised only orders under supervision (督办)
 */
public record WorkOrderQuery(Set<WorkOrderState> states, DepartmentId department, Long categoryId, Urgency urgency,
		Due due, Integer dueWithinHours, OffsetDateTime registeredFrom, OffsetDateTime registeredTo, String phone,
		String text, boolean supervised, int page, int size) {

	public enum Due {
		SOON, OVERDUE, WARNED
	}

	public WorkOrderQuery {
		states = states == null ? Set.of() : Set.copyOf(states);
		size = size <= 0 ? 50 : Math.min(size, 500);
		page = Math.max(page, 0);
	}

	public static WorkOrderQuery all() {
		return new WorkOrderQuery(null, null, null, null, null, null, null, null, null, null, false, 0, 50);
	}
}
