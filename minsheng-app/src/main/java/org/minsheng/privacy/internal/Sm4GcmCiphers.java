package org.minsheng.privacy.internal;

import java.util.Map;

import org.minsheng.privacy.PersonalDataCipher;

/** Factory behind {@link PersonalDataCipher#sm4Gcm}; keeps the implementation package-private. */
public final class Sm4GcmCiphers {

	private Sm4GcmCiphers() {
	}

	public static PersonalDataCipher create(Map<String, byte[]> keys, String activeKeyId, byte[] indexKey) {
		return new Sm4GcmCipher(keys, activeKeyId, indexKey);
	}
}
