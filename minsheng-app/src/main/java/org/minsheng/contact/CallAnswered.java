package org.minsheng.contact;

import org.minsheng.sip.CallId;

import java.time.OffsetDateTime;

/**
 * An agent answered a citizen's call: the agent's console pops the caller's history and a new order form linked to
 * the call, or, for a call the center placed about an order (回访), that order.
 *
 * @param workOrderNo the order the center called the citizen about; null for a citizen's own call
 */
public record CallAnswered(CallId callId, String agent, String queue, OffsetDateTime answeredAt, String workOrderNo) {
}
