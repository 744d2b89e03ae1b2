package org.minsheng.audit.web;

import java.time.OffsetDateTime;
import java.util.List;

import org.minsheng.audit.AuditEntry;
import org.minsheng.audit.AuditQuery;
import org.minsheng.audit.AuditTrail;
import org.minsheng.audit.ChainVerification;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasAuthority('AUDIT_READ')")
@Validated
class AuditController {

	record AuditPage(List<AuditEntry> items, long total, int page, int size) {
	}

	private final AuditTrail trail;

	AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping
	AuditPage list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		var query = new AuditQuery(blank(actor), blank(action), blank(targetType), blank(targetId), from, to, page,
				size);
		return new AuditPage(trail.find(query), trail.count(query), page, size);
	}

	/** Checks the whole chain; 200 with {@code intact=false} and the first broken entry when it is not. */
	@PostMapping("/verification")
	ChainVerification verify() {
		return trail.verify();
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
