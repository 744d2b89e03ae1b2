package org.minsheng.privacy.internal;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keys SM4 keys by id, each 16 bytes in Base64
 * @param activeKey the key id new values are encrypted with
 * @param indexKey the HMAC-SM3 key of the blind indexes, Base64 (at least 32 bytes); it cannot rotate
 *     without rebuilding every index, so keep it apart from the SM4 keys
 * @param keyFile where generated keys are kept when none are configured (embedded default only)
 * @param generateKeys whether missing keys may be generated into {@code keyFile}; off in production
 */
@ConfigurationProperties("minsheng.privacy")
record PrivacySettings(Map<String, String> keys, String activeKey, String indexKey, String keyFile,
		@DefaultValue("false") boolean generateKeys) {

	PrivacySettings {
		keys = keys == null ? Map.of() : Map.copyOf(keys);
	}
}
