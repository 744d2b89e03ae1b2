package org.minsheng.identity.internal;

import java.util.EnumSet;
import java.util.Optional;

import org.minsheng.identity.Actor;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.DataScope;
import org.minsheng.identity.DepartmentType;
import org.minsheng.identity.Permission;
import org.minsheng.identity.Role;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Reads the actor afresh from the database once per request, so that a move to another department
 * or a change of roles applies at the next request, not at the next login.
 */
@Component
class SecurityCurrentActor implements CurrentActor {

	private static final String CACHE = SecurityCurrentActor.class.getName();

	private final UserRows users;

	private final DepartmentRows departments;

	SecurityCurrentActor(UserRows users, DepartmentRows departments) {
		this.users = users;
		this.departments = departments;
	}

	@Override
	public Actor get() {
		return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Nobody is logged in"));
	}

	@Override
	public Optional<Actor> find() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof MinshengPrincipal principal)) {
			return Optional.empty();
		}
		if (auth.getDetails() instanceof Actor runAs && runAs.userId().value() == principal.userId()) {
			return Optional.of(runAs);
		}
		var request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof Actor cached
				&& cached.userId().value() == principal.userId()) {
			return Optional.of(cached);
		}
		var actor = load(principal.userId());
		if (request != null) {
			actor.ifPresent(a -> request.setAttribute(CACHE, a, RequestAttributes.SCOPE_REQUEST));
		}
		return actor;
	}

	Optional<Actor> load(long userId) {
		return users.find(userId).filter(u -> u.enabled()).map(user -> {
			var permissions = EnumSet.noneOf(Permission.class);
			user.roles().forEach(r -> permissions.addAll(r.permissions()));
			var department = departments.find(user.departmentId().value()).orElseThrow();
			var scope = user.roles().contains(Role.SYSTEM_ADMIN) || department.type() == DepartmentType.CENTER
					? DataScope.everything()
					: new DataScope(false, departments.subtreeIds(department.path()));
			return new Actor(user.id(), user.username(), user.displayName(), user.departmentId(), user.roles(),
					permissions, scope);
		});
	}
}
