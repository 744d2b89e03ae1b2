package org.minsheng.contact;

import org.minsheng.sip.CallId;

import java.time.OffsetDateTime;

/**
 * A citizen's call ended; its detail record is stored.
 *
 * @param callId      the SIP Call-ID of the caller's leg
 * @param disposition how it ended
 * @param agent       the agent who talked with the caller, if any
 */
public record CallEnded(CallId callId, CallDisposition disposition, String queue, String agent, OffsetDateTime endedAt) {
}
