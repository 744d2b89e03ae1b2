package org.minsheng.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param failuresPerSource     wrong passwords for one account from one source address, within the
 *     window, after which that source may not try that account until the window has moved on
 * @param failuresPerAddress    wrong passwords from one source address for any accounts (password
 *     spraying), after which the address may not sign in at all for the window
 * @param accountLockFailures   wrong passwords for one account from everywhere within the window …
 * @param accountLockSources    … from at least this many source addresses, that lock the account (a
 *     single attacker never locks a person out)
 * @param lockDuration          the window, and how long a locked account stays locked
 * @param loginSlowdown         each wrong password from a source beyond the third for an account is
 *     answered this much later, times how many beyond (at most five times)
 * @param passwordMinLength     shortest password accepted
 * @param generateAdminPassword whether a first start without {@code MINSHENG_ADMIN_PASSWORD} may
 *     generate the admin password (embedded default) or must refuse to start (production)
 * @param adminPassword         the first admin's password, from {@code MINSHENG_ADMIN_PASSWORD}
 */
@ConfigurationProperties("minsheng.identity")
record IdentitySettings(@DefaultValue("10") int failuresPerSource, @DefaultValue("50") int failuresPerAddress,
		@DefaultValue("50") int accountLockFailures, @DefaultValue("5") int accountLockSources,
		@DefaultValue("15m") Duration lockDuration, @DefaultValue("1s") Duration loginSlowdown,
		@DefaultValue("10") int passwordMinLength, @DefaultValue("true") boolean generateAdminPassword,
		String adminPassword) {

	IdentitySettings {
		if (failuresPerSource < 1 || failuresPerAddress < 1 || accountLockFailures < 1 || accountLockSources < 1) {
			throw new IllegalArgumentException("minsheng.identity: the login failure limits are at least 1");
		}
		if (lockDuration.isNegative() || lockDuration.isZero()) {
			throw new IllegalArgumentException("minsheng.identity.lock-duration must be positive");
		}
	}
}
