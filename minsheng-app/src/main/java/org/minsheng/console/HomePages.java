package org.minsheng.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.identity.Users;
import org.minsheng.workorder.WorkOrderQuery;
import org.minsheng.workorder.WorkOrderState;
import org.minsheng.workorder.WorkOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class HomePages {

	private static final Logger log = LoggerFactory.getLogger(HomePages.class);

	private final Users users;

	private final WorkOrders orders;

	private final CurrentActor current;

	HomePages(Users users, WorkOrders orders, CurrentActor current) {
		this.users = users;
		this.orders = orders;
		this.current = current;
	}

	@GetMapping("/console/password")
	String passwordForm() {
		return "password";
	}

	@PostMapping("/console/password")
	String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String confirmPassword, RedirectAttributes flash) {
		if (!newPassword.equals(confirmPassword)) {
			flash.addFlashAttribute("error", "两次输入的新密码不一致");
			return "redirect:/console/password";
		}
		Flash.run(flash, "密码已修改", () -> users.changeOwnPassword(currentPassword, newPassword));
		return "redirect:/console/password";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("counts", pending());
		return "home";
	}

	/**
	 * What waits for this person now, by tile: the orders to sign and in progress for a department,
	 * to dispatch, review and call back for the center, under supervision and overdue; each counted
	 * within the person's data scope.
	 */
	private Map<String, String> pending() {
		var actor = current.get();
		var counts = new LinkedHashMap<String, String>();
		if (actor.can(Permission.WORKORDER_HANDLE)) {
			var toSign = count("inbox", () -> orders.inbox(WorkOrders.InboxBox.TO_SIGN, 0, 1).total(), "待签收 %d");
			var handling = count("inbox", () -> orders.inbox(WorkOrders.InboxBox.IN_PROGRESS, 0, 1).total(), "办理中 %d");
			if (toSign != null && handling != null) counts.put("inbox", toSign + " · " + handling);
		}
		if (actor.can(Permission.WORKORDER_DISPATCH)) {
			put(counts, "dispatch", () -> total(Set.of(WorkOrderState.PENDING_DISPATCH, WorkOrderState.RETURNED), null, false));
		}
		if (actor.can(Permission.WORKORDER_REVIEW)) {
			put(counts, "review", () -> total(Set.of(WorkOrderState.REPLIED), null, false));
		}
		if (actor.can(Permission.WORKORDER_CALLBACK)) {
			put(counts, "callback", () -> total(Set.of(WorkOrderState.PENDING_CALLBACK), null, false));
		}
		if (actor.can(Permission.WORKORDER_SUPERVISE)) {
			put(counts, "supervision", () -> total(null, null, true));
			put(counts, "overdue", () -> total(null, WorkOrderQuery.Due.OVERDUE, false));
		}
		return counts;
	}

	private static void put(Map<String, String> counts, String key, LongSupplier count) {
		var text = count(key, count, "%d 件");
		if (text != null) counts.put(key, text);
	}

	private long total(Set<WorkOrderState> states, WorkOrderQuery.Due due, boolean supervised) {
		return orders.list(new WorkOrderQuery(states, null, null, null, due, null, null, null, null, null, supervised, 0, 1))
			.total();
	}

	/** A count that cannot be had leaves its tile without one (null); the home page still opens. */
	private static String count(String key, LongSupplier count, String format) {
		try {
			return format.formatted(count.getAsLong());
		}
		catch (RuntimeException e) {
			log.warn("Pending count '{}' for the home page failed: {}", key, e.getMessage());
			return null;
		}
	}
}
