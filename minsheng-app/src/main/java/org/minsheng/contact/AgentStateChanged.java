package org.minsheng.contact;

import java.time.OffsetDateTime;

/** An agent's state changed, by the agent, a supervisor or a call. */
public record AgentStateChanged(String agent, AgentState from, AgentState to, String reason, OffsetDateTime at) {
}
