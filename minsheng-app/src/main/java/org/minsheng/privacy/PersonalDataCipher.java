package org.minsheng.privacy;

import java.util.Map;

import org.minsheng.privacy.internal.Sm4GcmCiphers;

/**
 * Encrypts personal data for storage. A stored value reads {@code keyId:base64url(nonce | ciphertext | tag)}
 * so that values written under an older key still decrypt after the active key has changed.
 */
public interface PersonalDataCipher {

	/**
	 * The SM4-GCM cipher the application uses, for tools and benchmarks that run without it.
	 *
	 * @param keys SM4 keys (16 bytes) by key id
	 * @param activeKeyId the key new values are written with
	 * @param indexKey the blind-index key (at least 32 bytes)
	 */
	static PersonalDataCipher sm4Gcm(Map<String, byte[]> keys, String activeKeyId, byte[] indexKey) {
		return Sm4GcmCiphers.create(keys, activeKeyId, indexKey);
	}

	String encrypt(String plain);

	String decrypt(String stored);

	/** The id of the key new values are written with. */
	String activeKeyId();

	/** True when the stored value was written with a key other than the active one (to re-encrypt). */
	boolean needsRotation(String stored);

	/**
	 * A keyed, deterministic digest for exact-match search without storing the value: HMAC-SM3 over
	 * {@code kind + ':' + normalized value}, so the same number as phone and as ID never collide.
	 */
	String blindIndex(PersonalDataKind kind, String normalizedValue);
}
