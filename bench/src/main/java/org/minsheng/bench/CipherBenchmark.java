package org.minsheng.bench;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.minsheng.privacy.PersonalDataCipher;
import org.minsheng.privacy.PersonalDataKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** SM4-GCM and the blind index on one core, as the application builds them. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Threads(1)
public class CipherBenchmark {

	PersonalDataCipher cipher;

	String phone = "13812345678";

	String stored;

	@Setup
	public void setUp() {
		var random = new SecureRandom();
		var key = new byte[16];
		var index = new byte[32];
		random.nextBytes(key);
		random.nextBytes(index);
		cipher = PersonalDataCipher.sm4Gcm(Map.of("k1", key), "k1", index);
		stored = cipher.encrypt(phone);
	}

	@Benchmark
	public String encryptAndDecryptPhone() {
		return cipher.decrypt(cipher.encrypt(phone));
	}

	@Benchmark
	public String encryptPhone() {
		return cipher.encrypt(phone);
	}

	@Benchmark
	public String decryptPhone() {
		return cipher.decrypt(stored);
	}

	@Benchmark
	public String blindIndexPhone() {
		return cipher.blindIndex(PersonalDataKind.PHONE, phone);
	}
}
