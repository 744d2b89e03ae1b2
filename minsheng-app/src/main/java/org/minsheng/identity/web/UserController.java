package org.minsheng.identity.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.minsheng.identity.DepartmentId;
import org.minsheng.identity.Role;
import org.minsheng.identity.UserAccount;
import org.minsheng.identity.UserId;
import org.minsheng.identity.Users;
import org.minsheng.platform.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/users")
class UserController {

	record UserView(long id, String username, String displayName, long departmentId, Set<Role> roles,
			boolean enabled, boolean serviceAccount, OffsetDateTime lockedUntil, OffsetDateTime createdAt) {

		static UserView of(UserAccount u) {
			return new UserView(u.id().value(), u.username(), u.displayName(), u.departmentId().value(), u.roles(),
					u.enabled(), u.serviceAccount(), u.lockedUntil(), u.createdAt());
		}
	}

	record CreateUser(@NotNull @Size(min = 2, max = 64) String username,
			@NotNull @Size(min = 1, max = 100) String displayName, @NotNull Long departmentId,
			@NotEmpty Set<Role> roles, @Size(max = 128) String password, Boolean serviceAccount) {
	}

	record Created(UserView user, String generatedPassword) {
	}

	record EnabledChange(@NotNull Boolean enabled) {
	}

	record PasswordChange(@Size(max = 128) String password) {
	}

	record PasswordReset(String generatedPassword) {
	}

	record DepartmentChange(@NotNull Long departmentId) {
	}

	record RolesChange(@NotEmpty Set<Role> roles) {
	}

	record NewToken(@NotNull @Size(min = 1, max = 100) String name, OffsetDateTime expiresAt) {
	}

	private final Users users;

	UserController(Users users) {
		this.users = users;
	}

	@GetMapping
	List<UserView> list(@RequestParam(required = false) @Size(max = 64) String q,
			@RequestParam(required = false) Long departmentId) {
		return users.visible(q, departmentId == null ? null : new DepartmentId(departmentId))
			.stream()
			.map(UserView::of)
			.toList();
	}

	@GetMapping("/{id}")
	UserView one(@PathVariable long id) {
		return users.find(new UserId(id)).map(UserView::of).orElseThrow(() -> new NotFoundException("用户", id));
	}

	@PostMapping
	ResponseEntity<Created> create(@Valid @RequestBody CreateUser body) {
		var created = users.create(new Users.NewUser(body.username(), body.displayName(),
				new DepartmentId(body.departmentId()), body.roles(), body.password(),
				Boolean.TRUE.equals(body.serviceAccount())));
		return ResponseEntity.created(URI.create("/api/users/" + created.user().id()))
			.body(new Created(UserView.of(created.user()), created.generatedPassword()));
	}

	@PutMapping("/{id}/enabled")
	UserView enabled(@PathVariable long id, @Valid @RequestBody EnabledChange body) {
		return UserView.of(users.setEnabled(new UserId(id), body.enabled()));
	}

	@PostMapping("/{id}/password")
	PasswordReset password(@PathVariable long id, @Valid @RequestBody PasswordChange body) {
		return new PasswordReset(users.resetPassword(new UserId(id), body.password()));
	}

	@PutMapping("/{id}/department")
	UserView department(@PathVariable long id, @Valid @RequestBody DepartmentChange body) {
		return UserView.of(users.move(new UserId(id), new DepartmentId(body.departmentId())));
	}

	@PutMapping("/{id}/roles")
	UserView roles(@PathVariable long id, @Valid @RequestBody RolesChange body) {
		return UserView.of(users.assignRoles(new UserId(id), body.roles()));
	}

	@PostMapping("/{id}/tokens")
	ResponseEntity<Users.IssuedToken> token(@PathVariable long id, @Valid @RequestBody NewToken body) {
		var token = users.issueToken(new UserId(id), body.name(), body.expiresAt());
		return ResponseEntity.status(201).body(token);
	}

	@DeleteMapping("/{id}/tokens/{tokenId}")
	ResponseEntity<Void> revoke(@PathVariable long id, @PathVariable long tokenId) {
		users.revokeToken(new UserId(id), tokenId);
		return ResponseEntity.noContent().build();
	}
}
