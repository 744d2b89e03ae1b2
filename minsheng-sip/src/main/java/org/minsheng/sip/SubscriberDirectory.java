package org.minsheng.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The SIP accounts agents' phones register with. The engine never sees a password: it asks for the digest
 * {@code HA1 = MD5(user:realm:password)}, which is all RFC 3261 digest authentication needs.
 */
@FunctionalInterface
public interface SubscriberDirectory {

	/** The HA1 of the account {@code user} in the engine's realm, or empty when there is no such account. */
	Optional<String> ha1(String user);

	static String ha1(String user, String realm, String password) {
		return md5Hex(user + ":" + realm + ":" + password);
	}

	static String md5Hex(String text) {
		try {
			return HexFormat.of().formatHex(
					MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
