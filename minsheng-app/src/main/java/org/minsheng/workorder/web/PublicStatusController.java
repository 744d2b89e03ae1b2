package org.minsheng.workorder.web;

import org.minsheng.platform.NotFoundException;
import org.minsheng.workorder.PublicStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/** Citizens look up their order without logging in: order number plus the last four digits of their phone. */
@RestController
class PublicStatusController {

	private final PublicStatus.Lookup lookup;

	PublicStatusController(PublicStatus.Lookup lookup) {
		this.lookup = lookup;
	}

	@GetMapping("/api/public/work-orders/{no}")
	PublicStatus status(@PathVariable String no, @RequestParam String phoneLast4, HttpServletRequest request) {
		return lookup.find(no, phoneLast4, request.getRemoteAddr())
			.orElseThrow(() -> new NotFoundException("工单", no));
	}
}
