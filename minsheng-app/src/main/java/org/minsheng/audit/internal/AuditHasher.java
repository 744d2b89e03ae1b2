package org.minsheng.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The chain link: {@code hash = SM3(prevHash || canonical(entry))}. The canonical form joins the
 * fields with a unit separator and writes time as epoch microseconds, so it is the same whichever
 * database stored the row.
 */
final class AuditHasher {

	static final String GENESIS = "0".repeat(64);

	private static final char SEP = '\u001f';

	private static final HexFormat HEX = HexFormat.of();

	private final SM3Digest digest = new SM3Digest();

	private final byte[] out = new byte[32];

	private final StringBuilder text = new StringBuilder(256);

	String link(String prevHash, long seq, OffsetDateTime occurredAt, String actor, String action,
			String targetType, String targetId, String source, String detail) {
		text.setLength(0);
		text.append(seq).append(SEP).append(micros(occurredAt));
		for (var field : new String[] { actor, action, targetType, targetId, source, detail }) {
			text.append(SEP);
			if (field == null) {
				text.append('\u0000');
			}
			else {
				text.append(field);
			}
		}
		var prev = HEX.parseHex(prevHash);
		digest.update(prev, 0, prev.length);
		var bytes = text.toString().getBytes(StandardCharsets.UTF_8);
		digest.update(bytes, 0, bytes.length);
		digest.doFinal(out, 0);
		return HEX.formatHex(out);
	}

	static long micros(OffsetDateTime time) {
		return time.toEpochSecond() * 1_000_000L + time.getNano() / 1_000;
	}
}
