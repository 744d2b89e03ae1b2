package org.minsheng.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

import org.minsheng.platform.Allowance;
import org.springframework.stereotype.Component;

/**
 * Throttles the one who guesses passwords, not the one whose password is guessed. Wrong passwords
 * are counted per source address and account, per source address, and per account with the
 * sources they came from: a source that guessed too often at an account may not try that account
 * for the window, one that guessed at many accounts may not sign in at all, and only many failures
 * from many sources lock the account itself. The person signing in from elsewhere goes on, and API
 * tokens are never throttled here. Counts are token buckets ({@link Allowance}) held in memory on
 * each node; the lock of an account is kept in the database, for every node.
 */
@Component
class LoginThrottle {

	/** What a wrong password leads to: how long to hold the answer, and whether the account is now to be locked. */
	record Outcome(Duration delay, boolean lockAccount) {
	}

	private final IdentitySettings settings;

	private final Allowance byPair;

	private final Allowance bySource;

	/** Wrong passwords for an account from everywhere. */
	private final Allowance byAccount;

	/** The sources that guessed at an account: one use for each source's first wrong password in a window. */
	private final Allowance sourcesByAccount;

	LoginThrottle(IdentitySettings settings, Clock clock) {
		this.settings = settings;
		this.byPair = new Allowance(settings.failuresPerSource(), settings.lockDuration(), clock);
		this.bySource = new Allowance(settings.failuresPerAddress(), settings.lockDuration(), clock);
		this.byAccount = new Allowance(settings.accountLockFailures(), settings.lockDuration(), clock);
		this.sourcesByAccount = new Allowance(settings.accountLockSources(), settings.lockDuration(), clock);
	}

	/** Seconds until this source may try this account again, or empty when it may now. */
	OptionalLong blocked(String source, String username) {
		var pair = pair(source, username);
		if (byPair.usedUp(pair)) return OptionalLong.of(byPair.secondsUntilNext(pair));
		if (bySource.usedUp(source)) return OptionalLong.of(bySource.secondsUntilNext(source));
		return OptionalLong.empty();
	}

	Outcome failed(String source, String username) {
		int fromHere = byPair.use(pair(source, username));
		bySource.use(source);
		var account = key(username);
		byAccount.use(account);
		if (fromHere == 1) sourcesByAccount.use(account);
		boolean lock = byAccount.usedUp(account) && sourcesByAccount.usedUp(account);
		if (lock) {
			byAccount.restore(account);
			sourcesByAccount.restore(account);
		}
		int beyond = Math.min(Math.max(fromHere - 3, 0), 5);
		return new Outcome(settings.loginSlowdown().multipliedBy(beyond), lock);
	}

	/** The right password from a source forgets that source's wrong ones for the account. */
	void succeeded(String source, String username) {
		byPair.restore(pair(source, username));
	}

	private static String pair(String source, String username) {
		return source + "\n" + key(username);
	}

	private static String key(String username) {
		return username == null ? "" : username.toLowerCase(Locale.ROOT);
	}
}
