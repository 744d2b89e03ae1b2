package org.minsheng.sip.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.minsheng.sip.SubscriberDirectory;

/**
 * RFC 3261 / RFC 2617 digest authentication with {@code qop=auth}. Nonces are stateless: the time they were made
 * and an HMAC of it under a key that lives as long as the engine, so no table of nonces has to be kept and a
 * forged or old nonce is recognised.
 */
final class DigestAuth {

	enum Verdict { OK, STALE, WRONG }

	private static final long NONCE_LIFETIME_MILLIS = 5 * 60_000;

	private final byte[] key = new byte[32];
	private final String realm;

	DigestAuth(String realm) {
		this.realm = realm;
		new SecureRandom().nextBytes(key);
	}

	String realm() {
		return realm;
	}

	String newNonce() {
		String time = Long.toString(System.currentTimeMillis());
		return Base64.getUrlEncoder().withoutPadding()
				.encodeToString((time + ":" + mac(time)).getBytes(StandardCharsets.US_ASCII));
	}

	/** Checks a digest response against the account's HA1. */
	Verdict check(String ha1, String method, String uri, String nonce, String response, String qop, String nc,
				  String cnonce) {
		if (ha1 == null || nonce == null || response == null || uri == null) return Verdict.WRONG;
		String decoded;
		try {
			decoded = new String(Base64.getUrlDecoder().decode(nonce), StandardCharsets.US_ASCII);
		} catch (IllegalArgumentException e) {
			return Verdict.WRONG;
		}
		int colon = decoded.indexOf(':');
		if (colon < 0) return Verdict.WRONG;
		String time = decoded.substring(0, colon);
		if (!MessageDigest.isEqual(mac(time).getBytes(StandardCharsets.US_ASCII),
				decoded.substring(colon + 1).getBytes(StandardCharsets.US_ASCII))) {
			return Verdict.WRONG;
		}
		String ha2 = SubscriberDirectory.md5Hex(method + ":" + uri);
		String expected = qop == null || qop.isEmpty()
				? SubscriberDirectory.md5Hex(ha1 + ":" + nonce + ":" + ha2)
				: SubscriberDirectory.md5Hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				response.toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
			return Verdict.WRONG;
		}
		long made;
		try {
			made = Long.parseLong(time);
		} catch (NumberFormatException e) {
			return Verdict.WRONG;
		}
		return System.currentTimeMillis() - made > NONCE_LIFETIME_MILLIS ? Verdict.STALE : Verdict.OK;
	}

	private String mac(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)), 0, 16);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
