package org.minsheng.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every login, good or bad, goes on the audit trail; failures in a row lock the account. */
@Component
class LoginEvents {

	private static final Logger log = LoggerFactory.getLogger(LoginEvents.class);

	private final UserRows rows;

	private final AuditTrail audit;

	private final IdentitySettings settings;

	private final TransactionTemplate tx;

	private final Clock clock;

	LoginEvents(UserRows rows, AuditTrail audit, IdentitySettings settings, PlatformTransactionManager tm,
			Clock clock) {
		this.rows = rows;
		this.audit = audit;
		this.settings = settings;
		this.tx = new TransactionTemplate(tm);
		this.clock = clock;
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		var auth = event.getAuthentication();
		tx.executeWithoutResult(s -> {
			rows.recordSuccess(auth.getName());
			audit.record(AuditRecord.of("LOGIN", "user", auth.getName(), channel(auth))
				.by(auth.getName())
				.from(source(auth)));
		});
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		var auth = event.getAuthentication();
		var username = auth.getName();
		tx.executeWithoutResult(s -> {
			String detail = channel(auth) + ", " + reason(event);
			if (event instanceof AuthenticationFailureBadCredentialsEvent) {
				var lockedUntil = rows.recordFailure(username, settings.maxFailedLogins(),
						OffsetDateTime.now(clock).plus(settings.lockDuration()));
				if (lockedUntil.isPresent()) {
					detail += ", account locked until " + lockedUntil.get();
					log.warn("Account {} locked after {} failed logins", username, settings.maxFailedLogins());
				}
			}
			audit.record(AuditRecord.of("LOGIN_FAILED", "user", username, detail).by(username).from(source(auth)));
		});
	}

	private static String reason(AbstractAuthenticationFailureEvent event) {
		return event.getException() instanceof LockedException ? "account locked"
				: event.getException().getClass().getSimpleName();
	}

	private static String channel(Authentication auth) {
		return auth instanceof ApiTokenAuthentication ? "channel=token" : "channel=password";
	}

	private static String source(Authentication auth) {
		return auth.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
	}
}
