package org.minsheng.sip;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A call recording: a stereo 8 kHz 16-bit WAV file, the caller on the left channel and the agent on the right.
 *
 * @param file   the WAV file
 * @param sha256 hex SHA-256 of the file, also written beside it as {@code <file>.sha256}
 * @param length the recorded time
 */
public record Recording(Path file, String sha256, Duration length) {
}
