package org.minsheng.identity.internal;

import java.util.function.Supplier;

import org.minsheng.identity.RunAs;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

@Component
class SecurityRunAs implements RunAs {

	private final UserRows rows;

	SecurityRunAs(UserRows rows) {
		this.rows = rows;
	}

	@Override
	public <T> T asUser(String username, Supplier<T> work) {
		var principal = rows.principal(username)
			.orElseThrow(() -> new IllegalArgumentException("No user '" + username + "' to run as"));
		principal.eraseCredentials();
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
