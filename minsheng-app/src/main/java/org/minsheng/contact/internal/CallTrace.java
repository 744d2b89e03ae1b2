package org.minsheng.contact.internal;

import org.minsheng.contact.QueueEventType;
import org.minsheng.sip.CallId;
import org.minsheng.contact.CallDisposition;
import org.minsheng.contact.HangupBy;
import org.minsheng.contact.LegResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.minsheng.sip.Recording;

/** What happened on one call, gathered as the flow runs and stored as its detail record at the end. */
final class CallTrace {

	record Leg(String agent, String legCallId, Instant offeredAt, Instant answeredAt, Instant endedAt, LegResult result,
			Long holdMillis) {
	}

	record QueueEvent(String queue, QueueEventType event, Instant at, Long waitMillis, String agent) {
	}

	final CallId callId;

	final String caller;

	final String dialled;

	final Instant startedAt;

	Instant answeredAt;

	String queue;

	Instant queuedAt;

	String agent;

	Instant agentAnsweredAt;

	Instant talkEndedAt;

	CallDisposition disposition = CallDisposition.IVR_ONLY;

	HangupBy hangupBy;

	Recording recording;

	/** The IVR part as the caller heard it, when the flow records it. */
	Recording ivrRecording;

	/** The colleague's extension while the agent consults (or confers), else null. */
	volatile String consulting;

	volatile boolean conference;

	/** For a call the center placed to call a citizen back: the call they asked from. */
	CallId callbackOf;

	/** Time on hold over all talks, when the caller was held. */
	Long holdMillis;

	String workOrderNo;

	/**
	 * A call the center placed for a person (click-to-call, 号码隐私保护): the citizen's number is masked
	 * for everyone on it, the agent of the call included.
	 */
	boolean numberProtected;

	final List<String> path = new ArrayList<>();

	final List<Leg> legs = new ArrayList<>();

	final List<QueueEvent> queueEvents = new ArrayList<>();

	CallTrace(CallId callId, String caller, String dialled, Instant startedAt) {
		this.callId = callId;
		this.caller = caller;
		this.dialled = dialled;
		this.startedAt = startedAt;
	}

	synchronized void event(String queue, QueueEventType event, Instant at, Long waitMillis, String agent) {
		queueEvents.add(new QueueEvent(queue, event, at, waitMillis, agent));
	}

	synchronized void leg(Leg leg) {
		legs.add(leg);
	}
}
