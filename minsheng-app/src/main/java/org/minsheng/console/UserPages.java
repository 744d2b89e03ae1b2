package org.minsheng.console;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.minsheng.identity.Department;
import org.minsheng.identity.DepartmentId;
import org.minsheng.identity.Departments;
import org.minsheng.identity.Role;
import org.minsheng.identity.UserId;
import org.minsheng.identity.Users;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/console/users")
class UserPages {

	private final Users users;

	private final Departments departments;

	private final Clock clock;

	UserPages(Users users, Departments departments, Clock clock) {
		this.users = users;
		this.departments = departments;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long departmentId,
			Model model) {
		var visible = departments.visible();
		Map<Long, String> names = visible.stream()
			.collect(Collectors.toMap(d -> d.id().value(), Department::name, (a, b) -> a));
		var listed = users.visible(q, departmentId == null ? null : new DepartmentId(departmentId));
		var now = OffsetDateTime.now(clock);
		model.addAttribute("users", listed);
		model.addAttribute("truncated", listed.size() >= 1000);
		model.addAttribute("locked", listed.stream()
			.filter(u -> u.lockedUntil() != null && u.lockedUntil().isAfter(now))
			.map(u -> u.id().value())
			.collect(Collectors.toSet()));
		model.addAttribute("departments", visible);
		model.addAttribute("departmentNames", names);
		model.addAttribute("roles", Arrays.asList(Role.values()));
		model.addAttribute("q", q);
		model.addAttribute("departmentId", departmentId);
		return "users";
	}

	@PostMapping
	String create(@RequestParam String username, @RequestParam String displayName, @RequestParam long departmentId,
			@RequestParam(required = false) List<Role> roles, @RequestParam(required = false) String password,
			RedirectAttributes flash) {
		Flash.run(flash, null, () -> {
			var created = users.create(new Users.NewUser(username, displayName, new DepartmentId(departmentId),
					roles == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles), password, false));
			flash.addFlashAttribute("success", "已创建用户 " + username);
			if (created.generatedPassword() != null) {
				flash.addFlashAttribute("secret", created.generatedPassword());
			}
		});
		return "redirect:/console/users";
	}

	@PostMapping("/{id}/enabled")
	String enabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes flash) {
		Flash.run(flash, enabled ? "已启用用户" : "已停用用户", () -> users.setEnabled(new UserId(id), enabled));
		return "redirect:/console/users";
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, RedirectAttributes flash) {
		Flash.run(flash, "已重置密码", () -> flash.addFlashAttribute("secret", users.resetPassword(new UserId(id), null)));
		return "redirect:/console/users";
	}

	@PostMapping("/{id}/department")
	String move(@PathVariable long id, @RequestParam long departmentId, RedirectAttributes flash) {
		Flash.run(flash, "已调整所属部门", () -> users.move(new UserId(id), new DepartmentId(departmentId)));
		return "redirect:/console/users";
	}
}
