package org.minsheng.privacy.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.minsheng.privacy.PersonalDataCipher;
import org.minsheng.privacy.PersonalDataKind;

/**
 * SM4-GCM with 96-bit nonces built as a random 64-bit prefix plus a 32-bit counter (NIST SP 800-38D
 * §8.2.1): unique without a random draw per value. Cipher objects are kept per thread and per key so the key schedule and the GHASH
 * tables are computed once, not per value.
 */
final class Sm4GcmCipher implements PersonalDataCipher {

	private static final int NONCE = 12;

	private static final int TAG_BITS = 128;

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder B64D = Base64.getUrlDecoder();

	private final Map<String, byte[]> keys;

	private final String activeKeyId;

	private final byte[] indexKey;

	private final SecureRandom random = new SecureRandom();

	private final AtomicLong counter = new AtomicLong();

	private final long prefix;

	private final ThreadLocal<Map<String, GCMModeCipher>> encryptors = ThreadLocal.withInitial(HashMap::new);

	private final ThreadLocal<Map<String, GCMModeCipher>> decryptors = ThreadLocal.withInitial(HashMap::new);

	private final ThreadLocal<HMac> macs;

	Sm4GcmCipher(Map<String, byte[]> keys, String activeKeyId, byte[] indexKey) {
		if (!keys.containsKey(activeKeyId)) {
			throw new IllegalArgumentException("The active key '" + activeKeyId + "' is not among the configured keys");
		}
		keys.forEach((id, key) -> {
			if (key.length != 16) {
				throw new IllegalArgumentException("SM4 key '" + id + "' must be 16 bytes, not " + key.length);
			}
			if (id.isEmpty() || id.contains(":")) {
				throw new IllegalArgumentException("A key id must be non-empty and must not contain ':'");
			}
		});
		if (indexKey.length < 32) {
			throw new IllegalArgumentException("The blind index key must be at least 32 bytes");
		}
		this.keys = Map.copyOf(keys);
		this.activeKeyId = activeKeyId;
		this.indexKey = indexKey.clone();
		this.prefix = random.nextLong();
		this.macs = ThreadLocal.withInitial(() -> {
			var mac = new HMac(new SM3Digest());
			mac.init(new KeyParameter(this.indexKey));
			return mac;
		});
	}

	@Override
	public String encrypt(String plain) {
		if (plain == null) {
			return null;
		}
		var nonce = nextNonce();
		var cipher = cipher(encryptors.get(), activeKeyId, true);
		cipher.init(true, new AEADParameters(null, TAG_BITS, nonce));
		var in = plain.getBytes(StandardCharsets.UTF_8);
		var out = new byte[NONCE + cipher.getOutputSize(in.length)];
		System.arraycopy(nonce, 0, out, 0, NONCE);
		int len = cipher.processBytes(in, 0, in.length, out, NONCE);
		try {
			cipher.doFinal(out, NONCE + len);
		}
		catch (InvalidCipherTextException e) {
			throw new IllegalStateException("SM4-GCM encryption failed", e);
		}
		return activeKeyId + ":" + B64.encodeToString(out);
	}

	@Override
	public String decrypt(String stored) {
		if (stored == null) {
			return null;
		}
		int colon = stored.indexOf(':');
		if (colon <= 0) {
			throw new IllegalArgumentException("Not an encrypted value: no key id");
		}
		var keyId = stored.substring(0, colon);
		if (!keys.containsKey(keyId)) {
			throw new IllegalStateException("Value was encrypted with key '" + keyId + "', which is not configured");
		}
		var data = B64D.decode(stored.substring(colon + 1));
		if (data.length < NONCE + TAG_BITS / 8) {
			throw new IllegalArgumentException("Encrypted value is too short");
		}
		var nonce = new byte[NONCE];
		System.arraycopy(data, 0, nonce, 0, NONCE);
		var cipher = cipher(decryptors.get(), keyId, false);
		cipher.init(false, new AEADParameters(null, TAG_BITS, nonce));
		var out = new byte[cipher.getOutputSize(data.length - NONCE)];
		int len = cipher.processBytes(data, NONCE, data.length - NONCE, out, 0);
		try {
			len += cipher.doFinal(out, len);
		}
		catch (InvalidCipherTextException e) {
			throw new IllegalStateException("Encrypted value failed its integrity check (tampered or wrong key)", e);
		}
		return new String(out, 0, len, StandardCharsets.UTF_8);
	}

	@Override
	public String activeKeyId() {
		return activeKeyId;
	}

	@Override
	public boolean needsRotation(String stored) {
		return stored != null && !stored.startsWith(activeKeyId + ":");
	}

	@Override
	public String blindIndex(PersonalDataKind kind, String normalizedValue) {
		var mac = macs.get();
		var in = (kind.name() + ":" + normalizedValue).getBytes(StandardCharsets.UTF_8);
		mac.update(in, 0, in.length);
		var out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return HexFormat.of().formatHex(out, 0, 16);
	}

	private GCMModeCipher cipher(Map<String, GCMModeCipher> cache, String keyId, boolean encrypt) {
		var cipher = cache.get(keyId);
		if (cipher == null) {
			cipher = GCMBlockCipher.newInstance(new SM4Engine());
			// a throwaway nonce: this first init only sets the key; every use inits again with its own nonce
			var warmUp = new byte[NONCE];
			random.nextBytes(warmUp);
			cipher.init(encrypt, new AEADParameters(new KeyParameter(keys.get(keyId)), TAG_BITS, warmUp));
			cache.put(keyId, cipher);
		}
		return cipher;
	}

	/** Every 2^32 values the prefix moves on by one, so no (prefix, counter) pair ever repeats. */
	private byte[] nextNonce() {
		long n = counter.getAndIncrement();
		return ByteBuffer.allocate(NONCE).putLong(prefix + (n >>> 32)).putInt((int) n).array();
	}
}
