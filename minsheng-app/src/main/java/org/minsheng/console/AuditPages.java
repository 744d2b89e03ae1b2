package org.minsheng.console;

import java.time.LocalDate;
import java.time.ZoneId;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditEntry;
import org.minsheng.audit.AuditQuery;
import org.minsheng.audit.AuditTrail;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/console/audit")
class AuditPages {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final int PAGE = 50;

	private final AuditTrail trail;

	private final CurrentActor current;

	AuditPages(AuditTrail trail, CurrentActor current) {
		this.trail = trail;
		this.current = current;
	}

	@GetMapping
	String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		require();
		var query = new AuditQuery(blank(actor), blank(action), blank(targetType), blank(targetId),
				from == null ? null : from.atStartOfDay(SHANGHAI).toOffsetDateTime(),
				to == null ? null : to.plusDays(1).atStartOfDay(SHANGHAI).toOffsetDateTime(), Math.max(0, page),
				PAGE);
		long total = trail.count(query);
		model.addAttribute("entries", trail.find(query));
		model.addAttribute("total", total);
		model.addAttribute("page", query.page());
		model.addAttribute("pages", Math.max(1, (total + PAGE - 1) / PAGE));
		model.addAttribute("f", query);
		model.addAttribute("actions", AuditAction.values());
		model.addAttribute("targetTypes", AuditEntry.TARGET_TYPES);
		model.addAttribute("fromDate", from);
		model.addAttribute("toDate", to);
		model.addAttribute("zone", SHANGHAI);
		return "audit";
	}

	@PostMapping("/verify")
	String verify(RedirectAttributes flash) {
		require();
		var result = trail.verify();
		flash.addFlashAttribute("verification", result);
		return "redirect:/console/audit";
	}

	private void require() {
		if (!current.get().can(Permission.AUDIT_READ)) {
			throw new AccessDeniedException("audit");
		}
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
