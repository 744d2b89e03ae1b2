package org.minsheng.contact;

import org.minsheng.sip.CallId;
import org.minsheng.workorder.WorkOrderNo;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contact center: agents' SIP accounts and states, the call plan, call records and the live
 * figures. Phones and trunks talk SIP to the engine; people and systems use this.
 */
public interface ContactCenter {

	/** Creates or changes an agent's SIP account (CONTACT_ADMIN); the password is kept only as its digest HA1. */
	AgentView saveAgent(String username, AgentAccount account);

	/** All agents (CONTACT_SUPERVISE). */
	List<AgentView> agents();

	/** One agent: oneself (CONTACT_AGENT) or anyone (CONTACT_SUPERVISE). */
	AgentView agent(String username);

	/**
	 * Signs in ({@code AVAILABLE}), takes a break ({@code ON_BREAK} with a reason), ends wrap-up
	 * ({@code AVAILABLE}) or signs out ({@code LOGGED_OUT}): oneself, or anyone for a supervisor.
	 */
	AgentView changeState(String username, AgentState to, String reason);

	/** Call records, newest first: one's own (CONTACT_AGENT) or all (CONTACT_SUPERVISE). */
	List<CallRecord> calls(CallQuery query);

	/** How many call records the query finds, with the same visibility as {@link #calls}. */
	long countCalls(CallQuery query);

	Optional<CallRecord> call(CallId callId);

	/**
	 * Calls the citizen of an order for the agent asking (click-to-call, 号码隐私保护): the center dials
	 * the number on the order through the trunk, the citizen sees the hotline's number, and the
	 * agent's phone rings once they answer; the agent never sees the number. Returns at once; the
	 * call shows among the order's {@link #callsOf calls}. Refused when the order has no number to call,
	 * there is no trunk, or the agent's phone is not registered or busy.
	 */
	void callCitizen(WorkOrderNo no);

	/**
	 * Calls the citizen of an order for a department handler (号码隐私保护): the center first calls
	 * the handler's own phone {@code own} (a mobile, or a landline with its area code) through the trunk, then the citizen, and bridges the two;
	 * each sees only the hotline's number. For those who handle or call back orders within their
	 * scope. Returns at once; the call shows among the order's {@link #callsOf calls}.
	 */
	void callCitizenFrom(WorkOrderNo no, String own);

	/**
	 * The calls of an order, newest first: the one it was registered from and those the center placed
	 * about it; for agents and supervisors who may see the order. Numbers are masked.
	 */
	List<CallRecord> callsOf(WorkOrderNo no);

	/** What the wallboard shows now. */
	LiveStats live();

	/**
	 * Today's calls in all queues by quarter hour (话务趋势), from midnight (Asia/Shanghai) to the
	 * quarter now going on: calls that entered a queue, were answered and were abandoned.
	 */
	List<TrendSlot> todayTrend();

	/** The call plan as YAML. */
	String planYaml();

	/** Checks and activates a new call plan (CONTACT_ADMIN); a plan with a mistake is refused whole. */
	void replacePlan(String yaml);

	/**
	 * A call in progress, for the agent talking on it (the number in full: they register the order)
	 * or a supervisor; empty when it ended or is someone else's.
	 */
	Optional<LiveCall> liveCall(CallId callId);

	/**
	 * Transfers a call in progress away from its agent (blind): to a queue by name or an agent by
	 * extension; the agent of the call or a supervisor may.
	 */
	void transfer(CallId callId, String target);

	/**
	 * Puts a call in progress on hold (the caller hears music, the two do not hear each other) or
	 * takes it off hold; the agent of the call or a supervisor may.
	 */
	void hold(CallId callId, boolean on);

	/**
	 * Consults a colleague (咨询) while the caller waits on hold: rings the agent with extension
	 * {@code target}; returns once they answered (else a conflict: busy or not answering). Then
	 * {@link #completeTransfer}, {@link #conference} or {@link #endConsult}.
	 */
	void consult(CallId callId, String target);

	/** Hands the caller over to the consulted colleague (咨询后转接, attended transfer). */
	void completeTransfer(CallId callId);

	/** Joins the caller into the consult (三方通话). */
	void conference(CallId callId);

	/** Ends the consult (取回): the colleague is hung up, the caller is back with their agent. */
	void endConsult(CallId callId);

	/** The call the agent is talking on now, if any (the desk shows it after a reload). */
	Optional<LiveCall> currentCall(String username);

	/** The stereo recording of a call (CONTACT_SUPERVISE, or the agent who took it). */
	Optional<Path> recording(CallId callId);

	/** The SIP port the engine listens on, when it runs. */
	Optional<Integer> sipPort();

	record AgentAccount(String extension, String password, Map<String, Integer> skills) {
	}

	/** @param callId the call the agent's phone is ringing or talking on, if any */
	record AgentView(String username, String extension, Map<String, Integer> skills, AgentState state,
			String stateLabel, String reason, OffsetDateTime since, boolean phoneRegistered, int answeredToday,
			CallId callId) {
	}

	record LiveCall(CallId callId, String caller, String dialled, String queue, String agent,
			OffsetDateTime startedAt, OffsetDateTime agentAnsweredAt, boolean onHold, String consulting,
			boolean conference) {
	}

	/** @param offset how many of the newest to skip (a page's start) */
	record CallQuery(OffsetDateTime from, OffsetDateTime to, String agent, CallDisposition disposition, int limit,
			int offset) {

		public CallQuery(OffsetDateTime from, OffsetDateTime to, String agent, CallDisposition disposition, int limit) {
			this(from, to, agent, disposition, limit, 0);
		}
	}

	record CallRecord(CallId callId, String caller, String dialled, OffsetDateTime startedAt, String queue,
			String agent, OffsetDateTime agentAnsweredAt, OffsetDateTime endedAt, Long waitMillis, Long talkMillis,
			CallDisposition disposition, HangupBy hangupBy, boolean recorded, String recordingSha256, String workOrderNo,
			String flowPath, OffsetDateTime answeredAt, Long holdMillis, boolean ivrRecorded, CallId callbackOf,
			List<Leg> legs, List<QueueEvent> queueEvents) {

		/** @param holdMillis how long the caller was on hold while talking with this agent */
		public record Leg(String agent, OffsetDateTime offeredAt, OffsetDateTime answeredAt, OffsetDateTime endedAt,
				LegResult result, Long holdMillis) {
		}

		public record QueueEvent(String queue, QueueEventType event, OffsetDateTime at, Long waitMillis, String agent) {
		}
	}

	/**
	 * @param serviceLevel share of today's calls answered within the target wait (GB/T 33358: 15 s),
	 *     of those answered or abandoned; null when none yet
	 * @param abandonRate share of today's finished waits that were abandoned
	 */
	record QueueStats(String name, String label, String strategy, String strategyLabel, int waiting, long longestWaitSeconds,
			long agentsStaffed, long agentsAvailable, long enteredToday, long answeredToday, long abandonedToday,
			Double serviceLevel, Double abandonRate) {
	}

	/** One quarter hour of the day's calls, starting at {@code from}. */
	record TrendSlot(OffsetDateTime from, long entered, long answered, long abandoned) {
	}

	record LiveStats(OffsetDateTime at, List<QueueStats> queues, Map<AgentState, Long> agentsByState,
			int activeCalls, double routingP99Millis, MediaFigures media) {
	}

	/**
	 * What the call engine heard since it started, over the RTP streams that ended: packets received
	 * and missing (by sequence numbers), the 99th percentile of the streams' highest jitter.
	 */
	record MediaFigures(long streams, long packetsReceived, long packetsLost, long callerPacketsReceived,
			long callerPacketsLost, double jitterP99Millis, long sipRequests, long throttled) {
	}
}
