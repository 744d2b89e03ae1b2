package org.minsheng.contact.internal;

import static org.minsheng.contact.AgentState.AVAILABLE;
import static org.minsheng.contact.AgentState.LOGGED_OUT;
import static org.minsheng.contact.AgentState.ON_BREAK;
import static org.minsheng.contact.AgentState.ON_CALL;
import static org.minsheng.contact.AgentState.RINGING;
import static org.minsheng.contact.AgentState.WRAP_UP;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.minsheng.contact.AgentState;
import org.minsheng.platform.ConflictException;
import org.minsheng.sip.CallId;

/**
 * An agent at the phone: the state machine the ACD routes by. Every transition checks the state it
 * starts from and is refused in one fixed form otherwise. Pure: the caller supplies the time.
 */
final class Seat {

	/** A state change, for the history and the event. */
	record Change(String agent, AgentState from, AgentState to, String reason, Instant at) {
	}

	private final String agent;

	private volatile String extension;

	private volatile Map<String, Integer> skills;

	private AgentState state = LOGGED_OUT;

	private String reason = "";

	private Instant since;

	private Instant idleSince;

	private int answered;

	private int missedInRow;

	private CallId callId;

	Seat(String agent, String extension, Map<String, Integer> skills, Instant now) {
		this.agent = agent;
		this.extension = extension;
		this.skills = Map.copyOf(skills);
		this.since = now;
		this.idleSince = now;
	}

	String agent() {
		return agent;
	}

	String extension() {
		return extension;
	}

	Map<String, Integer> skills() {
		return skills;
	}

	void account(String extension, Map<String, Integer> skills) {
		this.extension = extension;
		this.skills = Map.copyOf(skills);
	}

	synchronized AgentState state() {
		return state;
	}

	synchronized String reason() {
		return reason;
	}

	synchronized Instant since() {
		return since;
	}

	/** Since when the agent has been free of calls (for longest-idle). */
	synchronized Instant idleSince() {
		return idleSince;
	}

	synchronized int answered() {
		return answered;
	}

	synchronized CallId callId() {
		return callId;
	}

	int level(String skill) {
		return skills.getOrDefault(skill, 0);
	}

	synchronized Change login(Instant now) {
		return move("签入", EnumSet.of(LOGGED_OUT), AVAILABLE, "签入", now);
	}

	synchronized Change logout(Instant now) {
		return move("签出", EnumSet.of(AVAILABLE, WRAP_UP, ON_BREAK), LOGGED_OUT, "签出", now);
	}

	synchronized Change takeBreak(String why, Instant now) {
		return move("置为小休", EnumSet.of(AVAILABLE, WRAP_UP, ON_BREAK), ON_BREAK, why, now);
	}

	synchronized Change ready(Instant now) {
		return move("置为空闲", EnumSet.of(ON_BREAK, WRAP_UP), AVAILABLE, "示闲", now);
	}

	/**
	 * The agent asked the center to call a citizen for them (回访): no call is offered to them until
	 * that call is over. From a break or after-call work too: calling back is work of its own.
	 */
	synchronized Change reserveForCall(Instant now) {
		return move("外呼", EnumSet.of(AVAILABLE, WRAP_UP, ON_BREAK), RINGING, "外呼", now);
	}

	/** The ACD offers a call: the phone rings. */
	synchronized Change offer(CallId call, Instant now) {
		var change = move("分配来电", EnumSet.of(AVAILABLE), RINGING, "", now);
		this.callId = call;
		return change;
	}

	/** A callback: the reserved agent is about to talk on the call the center placed, not the one it was offered for. */
	synchronized void rebind(CallId call) {
		if (state == RINGING) this.callId = call;
	}

	synchronized Change answered(Instant now) {
		var change = move("接通", EnumSet.of(RINGING), ON_CALL, "", now);
		answered++;
		missedInRow = 0;
		return change;
	}

	/**
	 * The phone rang out or declined. After {@code maxNoAnswer} misses in a row the agent is put on
	 * break (they are evidently not at the desk), else back to available.
	 */
	synchronized Change missed(int maxNoAnswer, Instant now) {
		missedInRow++;
		callId = null;
		if (maxNoAnswer > 0 && missedInRow >= maxNoAnswer) {
			missedInRow = 0;
			return move("记为未接", EnumSet.of(RINGING), ON_BREAK, "未接超限", now);
		}
		return move("记为未接", EnumSet.of(RINGING), AVAILABLE, "未接", now);
	}

	/** Another phone of a ring-all answered first, or the caller left while this one rang: no miss. */
	synchronized Change released(Instant now) {
		callId = null;
		return move("释放", EnumSet.of(RINGING), AVAILABLE, "", now);
	}

	/** The call ended; after-call work starts (or the agent is free at once when there is none). */
	synchronized Change hungUp(boolean wrapUp, Instant now) {
		var change = move("结束通话", EnumSet.of(ON_CALL), wrapUp ? WRAP_UP : AVAILABLE, "", now);
		callId = null;
		idleSince = now;
		return change;
	}

	/** The wrap-up timer ran out; only moves the agent when still in the same wrap-up. */
	synchronized Change wrapUpOver(Instant startedAt, Instant now) {
		if (state != WRAP_UP || !since.equals(startedAt)) return null;
		return move("结束话后处理", EnumSet.of(WRAP_UP), AVAILABLE, "话后处理结束", now);
	}

	private Change move(String verb, Set<AgentState> from, AgentState to, String why, Instant now) {
		if (!from.contains(state)) {
			throw ConflictException.illegalTransition(verb, "坐席", agent, state.label());
		}
		var change = new Change(agent, state, to, why == null ? "" : why, now);
		if (to == AVAILABLE && state != WRAP_UP && state != RINGING) idleSince = now;
		state = to;
		reason = change.reason();
		since = now;
		return change;
	}
}
