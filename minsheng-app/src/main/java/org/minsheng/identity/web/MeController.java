package org.minsheng.identity.web;

import java.util.Set;

import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.identity.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

	record Me(long id, String username, String displayName, long departmentId, Set<Role> roles,
			Set<Permission> permissions, boolean seesAllDepartments) {
	}

	private final CurrentActor current;

	MeController(CurrentActor current) {
		this.current = current;
	}

	@GetMapping("/api/me")
	Me me() {
		var a = current.get();
		return new Me(a.userId().value(), a.username(), a.displayName(), a.departmentId().value(), a.roles(),
				a.permissions(), a.scope().all());
	}
}
