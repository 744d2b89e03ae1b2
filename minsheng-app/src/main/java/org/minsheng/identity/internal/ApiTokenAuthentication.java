package org.minsheng.identity.internal;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An API request authenticated by a service token ({@code Authorization: Bearer ms_...}). */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

	private final MinshengPrincipal principal;

	ApiTokenAuthentication(MinshengPrincipal principal) {
		super(principal.getAuthorities());
		this.principal = principal;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return principal;
	}

	@Override
	public String getName() {
		return principal.getUsername();
	}
}
