package org.minsheng.privacy.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.minsheng.privacy.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the cipher from configured keys. With no keys configured the embedded default generates
 * them once into a key file beside the data (owner-only permissions); production profiles turn that
 * off so that a node never starts with keys no other node has.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PrivacyConfiguration.class);

	@Bean
	PersonalDataCipher personalDataCipher(PrivacySettings settings) {
		var configured = settings.keys();
		var activeKey = settings.activeKey();
		var indexKey = settings.indexKey();
		if (configured.isEmpty() || indexKey == null || indexKey.isBlank()) {
			if (!settings.generateKeys() || settings.keyFile() == null) {
				throw new IllegalStateException("No personal-data keys configured: set minsheng.privacy.keys.<id>, "
						+ "minsheng.privacy.active-key and minsheng.privacy.index-key (Base64), see docs/operations.md");
			}
			var generated = loadOrGenerate(Path.of(settings.keyFile()));
			configured = Map.of(generated.getProperty("active-key"), generated.getProperty("key"));
			activeKey = generated.getProperty("active-key");
			indexKey = generated.getProperty("index-key");
		}
		var keys = new HashMap<String, byte[]>();
		configured.forEach((id, b64) -> keys.put(id, Base64.getDecoder().decode(b64.trim())));
		if (activeKey == null || activeKey.isBlank()) {
			throw new IllegalStateException("minsheng.privacy.active-key is not set");
		}
		return new Sm4GcmCipher(keys, activeKey, Base64.getDecoder().decode(indexKey.trim()));
	}

	private static Properties loadOrGenerate(Path file) {
		var props = new Properties();
		try {
			if (Files.exists(file)) {
				try (var in = Files.newInputStream(file)) {
					props.load(in);
				}
				return props;
			}
			var random = new SecureRandom();
			var key = new byte[16];
			var index = new byte[32];
			random.nextBytes(key);
			random.nextBytes(index);
			props.setProperty("active-key", "k1");
			props.setProperty("key", Base64.getEncoder().encodeToString(key));
			props.setProperty("index-key", Base64.getEncoder().encodeToString(index));
			Files.createDirectories(file.toAbsolutePath().getParent());
			try (var out = Files.newOutputStream(file)) {
				props.store(out, "Minsheng personal-data keys: back this file up with the database; losing it loses the data");
			}
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ignored) {
				// not a POSIX file system
			}
			log.warn("Generated personal-data keys into {}: back it up together with the database", file);
			return props;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read or write the key file " + file, e);
		}
	}
}
