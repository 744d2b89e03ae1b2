package org.minsheng.identity.internal;

import java.util.function.Supplier;

import org.minsheng.identity.RunAs;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

@Component
class SecurityRunAs implements RunAs {

	private final UserRows rows;

	private final SecurityCurrentActor actors;

	SecurityRunAs(UserRows rows, SecurityCurrentActor actors) {
		this.rows = rows;
		this.actors = actors;
	}

	@Override
	public <T> T asUser(String username, Supplier<T> work) {
		var principal = rows.principal(username)
			.orElseThrow(() -> new IllegalArgumentException("No user '" + username + "' to run as"));
		principal.eraseCredentials();
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities());
		// the actor is read once for the whole unit of work, as a request reads it once
		authentication.setDetails(actors.load(principal.userId()).orElseThrow(
				() -> new IllegalArgumentException("User '" + username + "' is disabled")));
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
