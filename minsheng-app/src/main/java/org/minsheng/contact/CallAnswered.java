package org.minsheng.contact;

import org.minsheng.sip.CallId;

import java.time.OffsetDateTime;

/**
 * An agent answered a citizen's call: the agent's console pops the caller's history and a new order form linked to
 * the call.
 */
public record CallAnswered(CallId callId, String agent, String queue, OffsetDateTime answeredAt) {
}
