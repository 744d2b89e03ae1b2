package org.minsheng.identity.web;

import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.identity.Role;
import org.minsheng.identity.Users;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

	record Me(long id, String username, String displayName, long departmentId, Set<Role> roles,
			Set<Permission> permissions, boolean seesAllDepartments) {
	}

	record PasswordChange(@NotNull @Size(max = 128) String currentPassword,
			@NotNull @Size(max = 128) String newPassword) {
	}

	private final CurrentActor current;

	private final Users users;

	MeController(CurrentActor current, Users users) {
		this.current = current;
		this.users = users;
	}

	@PostMapping("/api/me/password")
	ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange body) {
		users.changeOwnPassword(body.currentPassword(), body.newPassword());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/me")
	Me me() {
		var a = current.get();
		return new Me(a.userId().value(), a.username(), a.displayName(), a.departmentId().value(), a.roles(),
				a.permissions(), a.scope().all());
	}
}
