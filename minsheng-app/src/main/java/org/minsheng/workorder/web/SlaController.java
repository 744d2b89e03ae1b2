package org.minsheng.workorder.web;

import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.workorder.Deadlines;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The center's view over every running time limit. */
@RestController
class SlaController {

	private final Deadlines deadlines;

	private final CurrentActor current;

	SlaController(Deadlines deadlines, CurrentActor current) {
		this.deadlines = deadlines;
		this.current = current;
	}

	@GetMapping("/api/sla/overview")
	Deadlines.Overview overview() {
		var actor = current.get();
		if (!actor.can(Permission.WORKORDER_SUPERVISE) || !actor.scope().all()) {
			throw new AccessDeniedException(actor.username() + " may not see the center's SLA overview");
		}
		return deadlines.overview();
	}
}
