package org.minsheng.console;

import org.minsheng.identity.Users;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class HomePages {

	private final Users users;

	HomePages(Users users) {
		this.users = users;
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
	String home() {
		return "home";
	}
}
