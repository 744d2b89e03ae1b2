package org.minsheng.console;

import org.minsheng.platform.TooManyRequestsException;
import org.minsheng.workorder.PublicStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

/** Pages for citizens, without login: the status of their order. */
@Controller
class PublicPages {

	private final PublicStatus.Lookup lookup;

	PublicPages(PublicStatus.Lookup lookup) {
		this.lookup = lookup;
	}

	@GetMapping("/public/status")
	String status(@RequestParam(required = false) String no, @RequestParam(required = false) String digits,
			HttpServletRequest request, Model model) {
		model.addAttribute("no", no);
		if (no != null && digits != null) {
			try {
				var found = lookup.find(no.strip(), digits.strip(), request.getRemoteAddr());
				model.addAttribute("status", found.orElse(null));
				model.addAttribute("notFound", found.isEmpty());
			}
			catch (TooManyRequestsException e) {
				model.addAttribute("tooMany", true);
			}
		}
		return "public-status";
	}
}
