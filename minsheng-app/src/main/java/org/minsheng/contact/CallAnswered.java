package org.minsheng.contact;

import java.time.OffsetDateTime;

/**
 * An agent answered a citizen's call: the agent's console pops the caller's history and a new order form linked to
 * the call.
 */
public record CallAnswered(String callId, String agent, String queue, OffsetDateTime answeredAt) {
}
