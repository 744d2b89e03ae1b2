package org.minsheng.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

import org.minsheng.platform.FailureWindow;
import org.springframework.stereotype.Component;

/**
 * Throttles the one who guesses passwords, not the one whose password is guessed. Wrong passwords
 * are counted per source address and account, per source address, and per account with the
 * sources they came from: a source that guessed too often at an account may not try that account
 * for the window, one that guessed at many accounts may not sign in at all, and only many failures
 * from many sources lock the account itself. The person signing in from elsewhere goes on, and API
 * tokens are never throttled here. Counts are held in memory on each node; the lock of an account
 * is kept in the database, for every node.
 */
@Component
class LoginThrottle {

	/** What a wrong password leads to: how long to hold the answer, and whether the account is now to be locked. */
	record Outcome(Duration delay, boolean lockAccount) {
	}

	private final IdentitySettings settings;

	private final FailureWindow byPair;

	private final FailureWindow bySource;

	private final FailureWindow byAccount;

	LoginThrottle(IdentitySettings settings, Clock clock) {
		this.settings = settings;
		this.byPair = new FailureWindow(settings.lockDuration(), clock);
		this.bySource = new FailureWindow(settings.lockDuration(), clock);
		this.byAccount = new FailureWindow(settings.lockDuration(), clock);
	}

	/** Seconds until this source may try this account again, or empty when it may now. */
	OptionalLong blocked(String source, String username) {
		var pair = pair(source, username);
		if (byPair.count(pair) >= settings.failuresPerSource()) {
			return OptionalLong.of(byPair.secondsUntilOneExpires(pair));
		}
		if (bySource.count(source) >= settings.failuresPerAddress()) {
			return OptionalLong.of(bySource.secondsUntilOneExpires(source));
		}
		return OptionalLong.empty();
	}

	Outcome failed(String source, String username) {
		int fromHere = byPair.add(pair(source, username), null);
		bySource.add(source, null);
		int onAccount = byAccount.add(key(username), source);
		boolean lock = onAccount >= settings.accountLockFailures()
				&& byAccount.distinctTags(key(username)) >= settings.accountLockSources();
		if (lock) byAccount.clear(key(username));
		int beyond = Math.min(Math.max(fromHere - 3, 0), 5);
		return new Outcome(settings.loginSlowdown().multipliedBy(beyond), lock);
	}

	/** The right password from a source forgets that source's wrong ones for the account. */
	void succeeded(String source, String username) {
		byPair.clear(pair(source, username));
	}

	private static String pair(String source, String username) {
		return source + "\n" + key(username);
	}

	private static String key(String username) {
		return username == null ? "" : username.toLowerCase(Locale.ROOT);
	}
}
