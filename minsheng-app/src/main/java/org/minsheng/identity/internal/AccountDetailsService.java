package org.minsheng.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AccountDetailsService implements UserDetailsService {

	private final UserRows rows;

	AccountDetailsService(UserRows rows) {
		this.rows = rows;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		// service accounts authenticate with API tokens only: their random password is never handed out
		return rows.principal(username)
			.filter(p -> !p.serviceAccount())
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}
}
