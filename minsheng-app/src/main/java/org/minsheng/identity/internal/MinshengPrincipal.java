package org.minsheng.identity.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;

import org.minsheng.identity.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in user as Spring Security holds it: permissions become authorities. */
final class MinshengPrincipal implements UserDetails, CredentialsContainer {

	private final long userId;

	private final String username;

	private final Set<Role> roles;

	private final boolean enabled;

	private final OffsetDateTime lockedUntil;

	private final boolean serviceAccount;

	private String passwordHash;

	MinshengPrincipal(long userId, String username, Set<Role> roles, boolean enabled, OffsetDateTime lockedUntil,
			boolean serviceAccount, String passwordHash) {
		this.userId = userId;
		this.username = username;
		this.roles = Set.copyOf(roles);
		this.enabled = enabled;
		this.lockedUntil = lockedUntil;
		this.serviceAccount = serviceAccount;
		this.passwordHash = passwordHash;
	}

	long userId() {
		return userId;
	}

	boolean serviceAccount() {
		return serviceAccount;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		var authorities = new ArrayList<GrantedAuthority>();
		for (var role : roles) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
			role.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.name())));
		}
		return authorities.stream().distinct().toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return lockedUntil == null || lockedUntil.isBefore(OffsetDateTime.now());
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}
}
