package org.minsheng.contact.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.minsheng.sip.CallId;
import org.minsheng.sip.Recording;
import org.minsheng.sip.SipEngines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls this host carried when it stopped without finishing them (a crash): each keeps its
 * record, marked INTERRUPTED, and the recordings it had on disk are finished (their headers
 * written, sealed with SHA-256) so that they play up to the crash.
 */
final class CallsCutOff {

	private static final Logger log = LoggerFactory.getLogger(CallsCutOff.class);

	private CallsCutOff() {
	}

	static void finish(CallLog callLog, Path recordings) {
		for (var row : callLog.cutOff()) {
			var callId = new CallId((String) row.get("call_id"));
			var started = CallLog.odt(row.get("started_at")).toInstant();
			var day = LocalDate.ofInstant(started, CallLog.CHINA);
			var folder = recordings.resolve("%d/%02d/%02d".formatted(day.getYear(), day.getMonthValue(), day.getDayOfMonth()));
			var suffix = "-" + callId.value().replaceAll("[^A-Za-z0-9._-]", "_") + ".wav";
			Recording kept = null;
			var ended = started;
			try (var files = Files.exists(folder) ? Files.list(folder) : Stream.<Path>empty()) {
				for (var wav : files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList()) {
					if (Files.exists(wav.resolveSibling(wav.getFileName() + ".sha256"))) continue;
					var finished = SipEngines.finishInterruptedRecording(wav);
					var modified = Files.getLastModifiedTime(wav).toInstant();
					if (modified.isAfter(ended)) ended = modified;
					// the talk (or message) is the call's recording; the IVR's only when there is nothing else
					if (finished.isPresent() && (kept == null || !wav.getFileName().toString().startsWith("ivr-"))) {
						kept = finished.get();
					}
				}
			}
			catch (IOException e) {
				log.warn("Recordings of call {} cut off by a crash could not be finished: {}", callId, e.getMessage());
			}
			callLog.interrupted(callId, ended, kept);
			log.warn("Call {} was cut off by a stop without shutdown; its record is marked INTERRUPTED{}", callId,
					kept == null ? " (no recording)" : ", recording kept: " + kept.length().toSeconds() + " s");
		}
	}
}
