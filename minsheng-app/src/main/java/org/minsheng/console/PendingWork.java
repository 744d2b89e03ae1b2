package org.minsheng.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.workorder.WorkOrderQuery;
import org.minsheng.workorder.WorkOrderState;
import org.minsheng.workorder.WorkOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What waits for the person now (待办提醒): the orders to sign and in progress for a department, to
 * dispatch, review and call back for the center, under supervision and overdue; each counted within
 * the person's data scope and only for the work the person's role does. The home page's tiles, the
 * sidebar's badges and the bell all read it.
 */
@Component
class PendingWork {

	private static final Logger log = LoggerFactory.getLogger(PendingWork.class);

	/**
	 * One kind of waiting work.
	 *
	 * @param menuKey the menu entry (and home tile) it belongs to
	 */
	record Item(String key, String menuKey, String label, String href, long count) {
	}

	/** The items of now, the badge of each menu entry (the first item of the entry), and their sum. */
	record Summary(List<Item> items, Map<String, Long> badges, long total) {
	}

	private final WorkOrders orders;

	private final CurrentActor current;

	PendingWork(WorkOrders orders, CurrentActor current) {
		this.orders = orders;
		this.current = current;
	}

	/** Counts the work that waits; a count that cannot be had is left out (and logged), the rest still come. */
	List<Item> now() {
		var actor = current.get();
		var items = new ArrayList<Item>();
		if (actor.can(Permission.WORKORDER_HANDLE)) {
			add(items, "toSign", "inbox", "待签收", "/console/inbox?box=TO_SIGN",
					() -> orders.inbox(WorkOrders.InboxBox.TO_SIGN, 0, 1).total());
			add(items, "handling", "inbox", "办理中", "/console/inbox?box=IN_PROGRESS",
					() -> orders.inbox(WorkOrders.InboxBox.IN_PROGRESS, 0, 1).total());
		}
		if (actor.can(Permission.WORKORDER_DISPATCH)) {
			add(items, "dispatch", "dispatch", "待派单", "/console/work-orders?state=PENDING_DISPATCH&state=RETURNED",
					() -> total(Set.of(WorkOrderState.PENDING_DISPATCH, WorkOrderState.RETURNED), null, false));
		}
		if (actor.can(Permission.WORKORDER_REVIEW)) {
			add(items, "review", "review", "待审核", "/console/work-orders?state=REPLIED",
					() -> total(Set.of(WorkOrderState.REPLIED), null, false));
		}
		if (actor.can(Permission.WORKORDER_CALLBACK)) {
			add(items, "callback", "callback", "待回访", "/console/work-orders?state=PENDING_CALLBACK",
					() -> total(Set.of(WorkOrderState.PENDING_CALLBACK), null, false));
		}
		if (actor.can(Permission.WORKORDER_SUPERVISE)) {
			add(items, "supervision", "supervision", "督办中", "/console/work-orders?supervised=true",
					() -> total(null, null, true));
			add(items, "overdue", "overdue", "已超期", "/console/work-orders?due=OVERDUE",
					() -> total(null, WorkOrderQuery.Due.OVERDUE, false));
		}
		return List.copyOf(items);
	}

	/** What the bell and the sidebar show: each menu entry's badge is its first item's count. */
	Summary summary() {
		var items = now();
		var badges = new LinkedHashMap<String, Long>();
		for (var item : items) badges.putIfAbsent(item.menuKey(), item.count());
		return new Summary(items, badges, badges.values().stream().mapToLong(Long::longValue).sum());
	}

	private long total(Set<WorkOrderState> states, WorkOrderQuery.Due due, boolean supervised) {
		return orders.list(new WorkOrderQuery(states, null, null, null, due, null, null, null, null, null, supervised, 0, 1))
			.total();
	}

	private static void add(List<Item> items, String key, String menuKey, String label, String href, LongSupplier count) {
		try {
			items.add(new Item(key, menuKey, label, href, count.getAsLong()));
		}
		catch (RuntimeException e) {
			log.warn("Pending count '{}' failed: {}", key, e.getMessage());
		}
	}
}
