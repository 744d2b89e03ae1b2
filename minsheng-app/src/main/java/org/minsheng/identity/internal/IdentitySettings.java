package org.minsheng.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailedLogins failed logins in a row that lock an account
 * @param lockDuration how long a locked account stays locked
 * @param passwordMinLength shortest password accepted
 * @param generateAdminPassword whether a first start without {@code MINSHENG_ADMIN_PASSWORD} may
 *     generate the admin password (embedded default) or must refuse to start (production)
 * @param adminPassword the first admin's password, from {@code MINSHENG_ADMIN_PASSWORD}
 */
@ConfigurationProperties("minsheng.identity")
record IdentitySettings(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockDuration,
		@DefaultValue("10") int passwordMinLength, @DefaultValue("true") boolean generateAdminPassword,
		String adminPassword) {
}
