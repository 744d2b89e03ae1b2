package org.minsheng.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.minsheng.privacy.PersonalDataKind;

class Sm4GcmCipherTest {

	static final byte[] K1 = bytes(16, 1);

	static final byte[] K2 = bytes(16, 2);

	static final byte[] INDEX = bytes(32, 9);

	final Sm4GcmCipher cipher = new Sm4GcmCipher(Map.of("k1", K1), "k1", INDEX);

	@Test
	void decryptsWhatItEncrypted() {
		for (var value : new String[] { "13812345678", "440106199001011234", "欧阳娜娜", "" }) {
			assertThat(cipher.decrypt(cipher.encrypt(value))).isEqualTo(value);
		}
	}

	@Test
	void writesTheKeyIdWithEveryValueAndNeverThePlainText() {
		var stored = cipher.encrypt("13812345678");
		assertThat(stored).startsWith("k1:").doesNotContain("13812345678");
		assertThat(Base64.getUrlDecoder().decode(stored.substring(3))).hasSize(12 + 11 + 16);
	}

	@Test
	void encryptsTheSameValueDifferentlyEachTime() {
		var seen = new HashSet<String>();
		for (int i = 0; i < 1000; i++) {
			seen.add(cipher.encrypt("13812345678"));
		}
		assertThat(seen).hasSize(1000);
	}

	@Test
	void neverRepeatsANonceAcrossThreads() throws Exception {
		var nonces = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
		try (var pool = Executors.newFixedThreadPool(8)) {
			IntStream.range(0, 8).forEach(t -> pool.submit(() -> {
				for (int i = 0; i < 5000; i++) {
					var raw = Base64.getUrlDecoder().decode(cipher.encrypt("x").substring(3));
					nonces.add(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(raw, 12)));
				}
			}));
		}
		assertThat(nonces).hasSize(40_000);
	}

	@Test
	void rejectsATamperedValue() {
		var stored = cipher.encrypt("13812345678");
		var raw = Base64.getUrlDecoder().decode(stored.substring(3));
		raw[raw.length - 20] ^= 1;
		var tampered = "k1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
		assertThatThrownBy(() -> cipher.decrypt(tampered)).hasMessageContaining("integrity");
	}

	@Test
	void readsValuesOfAnOlderKeyAfterRotation() {
		var old = cipher.encrypt("13812345678");
		var rotated = new Sm4GcmCipher(Map.of("k1", K1, "k2", K2), "k2", INDEX);
		assertThat(rotated.decrypt(old)).isEqualTo("13812345678");
		assertThat(rotated.needsRotation(old)).isTrue();
		assertThat(rotated.encrypt("x")).startsWith("k2:");
		assertThat(rotated.blindIndex(PersonalDataKind.PHONE, "13812345678"))
			.isEqualTo(cipher.blindIndex(PersonalDataKind.PHONE, "13812345678"));
	}

	@Test
	void refusesAValueOfAnUnknownKey() {
		var other = new Sm4GcmCipher(Map.of("k9", K2), "k9", INDEX);
		assertThatThrownBy(() -> cipher.decrypt(other.encrypt("x"))).hasMessageContaining("k9");
	}

	@Test
	void blindIndexIsDeterministicAndSeparatesKinds() {
		var a = cipher.blindIndex(PersonalDataKind.PHONE, "13812345678");
		assertThat(a).hasSize(32).isEqualTo(cipher.blindIndex(PersonalDataKind.PHONE, "13812345678"));
		assertThat(a).isNotEqualTo(cipher.blindIndex(PersonalDataKind.ID_NUMBER, "13812345678"));
		var otherKey = new Sm4GcmCipher(Map.of("k1", K1), "k1", bytes(32, 7));
		assertThat(otherKey.blindIndex(PersonalDataKind.PHONE, "13812345678")).isNotEqualTo(a);
	}

	@Test
	void refusesWrongKeySizes() {
		assertThatThrownBy(() -> new Sm4GcmCipher(Map.of("k1", bytes(15, 1)), "k1", INDEX))
			.hasMessageContaining("16 bytes");
		assertThatThrownBy(() -> new Sm4GcmCipher(Map.of("k1", K1), "k1", bytes(16, 1)))
			.hasMessageContaining("32 bytes");
		assertThatThrownBy(() -> new Sm4GcmCipher(Map.of("k1", K1), "k2", INDEX)).hasMessageContaining("k2");
	}

	@Test
	void masksPhoneIdNumberAndName() {
		assertThat(PersonalDataKind.PHONE.mask("13812341234")).isEqualTo("138****1234");
		assertThat(PersonalDataKind.ID_NUMBER.mask("440106199001011234")).isEqualTo("4401**********1234");
		assertThat(PersonalDataKind.NAME.mask("张三")).isEqualTo("张*");
		assertThat(PersonalDataKind.NAME.mask("欧阳娜娜")).isEqualTo("欧***");
	}

	@Test
	void normalizesPhoneNumbersOfEveryCommonForm() {
		for (var form : new String[] { "13812345678", "+86 138 1234 5678", "0086-138-1234-5678", "86 13812345678" }) {
			assertThat(PersonalDataKind.PHONE.normalize(form)).as(form).isEqualTo("13812345678");
		}
		assertThat(PersonalDataKind.PHONE.normalize("020-8123 4567")).isEqualTo("02081234567");
	}

	static byte[] bytes(int n, int seed) {
		var b = new byte[n];
		for (int i = 0; i < n; i++) {
			b[i] = (byte) (seed * 31 + i);
		}
		return b;
	}
}
