package org.minsheng.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.identity.Users;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class HomePages {

	private final Users users;

	private final PendingWork pendingWork;

	private final TodayOverview overview;

	private final CurrentActor current;

	HomePages(Users users, PendingWork pendingWork, TodayOverview overview, CurrentActor current) {
		this.users = users;
		this.pendingWork = pendingWork;
		this.overview = overview;
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
		if (current.get().can(Permission.INSIGHT_READ)) model.addAttribute("overview", overview.now());
		return "home";
	}

	/** What waits on each tile, in words: "待签收 3 · 办理中 2" for a department's inbox, "5 件" for the others. */
	private Map<String, String> pending() {
		var byTile = new LinkedHashMap<String, List<PendingWork.Item>>();
		for (var item : pendingWork.now()) byTile.computeIfAbsent(item.menuKey(), k -> new ArrayList<>()).add(item);
		var counts = new LinkedHashMap<String, String>();
		byTile.forEach((tile, items) -> counts.put(tile, items.size() == 1 ? items.get(0).count() + " 件"
				: items.stream().map(i -> i.label() + " " + i.count()).collect(Collectors.joining(" · "))));
		return counts;
	}

	/** The bell's and the sidebar's counts, refreshed by the page while it is open. */
	@GetMapping(path = "/console/pending", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	PendingWork.Summary pendingNow() {
		return pendingWork.summary();
	}
}
