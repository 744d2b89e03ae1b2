package org.minsheng.sip.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.minsheng.sip.Recording;

/** Seals a finished recording: its SHA-256, written beside it as {@code <file>.sha256}, and its description. */
final class Recordings {

	private Recordings() {
	}

	static Recording seal(Path file, Duration length) throws IOException {
		MessageDigest sha;
		try {
			sha = MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buf = new byte[64 * 1024];
			for (int n; (n = in.read(buf)) > 0; ) sha.update(buf, 0, n);
		}
		String hex = HexFormat.of().formatHex(sha.digest());
		Files.writeString(file.resolveSibling(file.getFileName() + ".sha256"), hex + "  " + file.getFileName() + "\n",
				StandardCharsets.US_ASCII);
		return new Recording(file, hex, length);
	}
}
