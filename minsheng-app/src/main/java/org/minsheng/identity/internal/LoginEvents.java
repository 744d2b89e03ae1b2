package org.minsheng.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.minsheng.audit.AuditAction;
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

/**
 * A person's sign-in to the console is a LOGIN on the audit trail; a request that carries HTTP Basic
 * credentials or an API token is not (it is the request's own audited action that counts). Every
 * wrong password is audited with its source and counted by the {@link LoginThrottle}: the guessing
 * source is slowed down and then refused, and only many failures from many sources lock the account.
 */
@Component
class LoginEvents {

	private static final Logger log = LoggerFactory.getLogger(LoginEvents.class);

	private final UserRows rows;

	private final AuditTrail audit;

	private final IdentitySettings settings;

	private final LoginThrottle throttle;

	private final TransactionTemplate tx;

	private final Clock clock;

	LoginEvents(UserRows rows, AuditTrail audit, IdentitySettings settings, LoginThrottle throttle,
			PlatformTransactionManager tm, Clock clock) {
		this.rows = rows;
		this.audit = audit;
		this.settings = settings;
		this.throttle = throttle;
		this.tx = new TransactionTemplate(tm);
		this.clock = clock;
	}

	/** Any good credentials, console or API: the source's wrong guesses at the account are forgotten. Nothing is written. */
	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		var auth = event.getAuthentication();
		throttle.succeeded(source(auth), auth.getName());
	}

	/** A person signed in to the console. */
	void consoleLogin(Authentication auth) {
		tx.executeWithoutResult(s -> audit.record(AuditRecord.of(AuditAction.LOGIN, "user", auth.getName(), "channel=console")
			.by(auth.getName())
			.from(source(auth))));
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		var auth = event.getAuthentication();
		var username = auth.getName();
		var source = source(auth);
		String detail = channel(auth) + ", " + reason(event);
		LoginThrottle.Outcome outcome = null;
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			outcome = throttle.failed(source, username);
			if (outcome.lockAccount()) {
				var until = OffsetDateTime.now(clock).plus(settings.lockDuration());
				detail += ", account locked until " + until + " (failures from many sources)";
				tx.executeWithoutResult(s -> rows.lock(username, until));
				log.warn("Account {} locked: wrong passwords from {} or more sources", username,
						settings.accountLockSources());
			}
		}
		var entry = AuditRecord.of(AuditAction.LOGIN_FAILED, "user", username, detail).by(username).from(source);
		tx.executeWithoutResult(s -> audit.record(entry));
		if (outcome != null && outcome.delay().isPositive()) {
			try {
				Thread.sleep(outcome.delay());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static String reason(AbstractAuthenticationFailureEvent event) {
		return event.getException() instanceof LockedException ? "account locked"
				: event.getException().getClass().getSimpleName();
	}

	private static String channel(Authentication auth) {
		return auth instanceof ApiTokenAuthentication || auth.getName().startsWith("token:") ? "channel=token"
				: "channel=password";
	}

	static String source(Authentication auth) {
		return auth.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "?";
	}
}
