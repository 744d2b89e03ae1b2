package org.minsheng.sip.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.minsheng.sip.Party;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's call to an agent's phone: a client dialog and its RTP stream. */
final class AgentLeg {

	private static final Logger log = LoggerFactory.getLogger(AgentLeg.class);

	final String agent;
	final String callId;
	final RtpSession rtp;
	/** The final status of the INVITE: 200 when answered, the error status otherwise (408 when nothing came). */
	final CompletableFuture<Integer> finalStatus = new CompletableFuture<>();
	final CompletableFuture<Party> ended = new CompletableFuture<>();
	/** Completed when the caller is to be handed over from this agent to the one consulted (attended transfer). */
	final CompletableFuture<Void> handover = new CompletableFuture<>();
	/** Completed with the target when the agent transfers the caller (REFER, or the console). */
	final CompletableFuture<String> transferTo = new CompletableFuture<>();
	volatile Instant answeredAt;
	/** Told whether the phone put the call on hold (a re-INVITE with sendonly, inactive or 0.0.0.0) or took it off. */
	volatile java.util.function.Consumer<Boolean> holdListener = held -> { };

	private final JainSipEngine engine;
	private final ClientTransaction invite;
	private final Dialog dialog;
	private final AtomicBoolean cancelled = new AtomicBoolean();
	private final AtomicBoolean released = new AtomicBoolean();
	private volatile boolean provisional;

	AgentLeg(JainSipEngine engine, String agent, String callId, ClientTransaction invite, Dialog dialog, RtpSession rtp) {
		this.engine = engine;
		this.agent = agent;
		this.callId = callId;
		this.invite = invite;
		this.dialog = dialog;
		this.rtp = rtp;
	}

	void response(ResponseEvent event) throws Exception {
		Response response = event.getResponse();
		int status = response.getStatusCode();
		CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
		if (!Request.INVITE.equals(cseq.getMethod())) return;
		if (status < 200) {
			provisional = true;
			return;
		}
		if (status >= 300) {
			finalStatus.complete(status);
			ended.complete(Party.AGENT);
			return;
		}
		Dialog d = event.getDialog() != null ? event.getDialog() : dialog;
		Request ack = d.createAck(cseq.getSeqNumber());
		d.sendAck(ack);
		if (finalStatus.isDone()) return; // a retransmitted 200: the ACK above answers it
		byte[] body = response.getRawContent();
		Codec codec = null;
		if (body != null && body.length > 0) {
			try {
				Sdp answer = Sdp.parse(new String(body, StandardCharsets.UTF_8));
				codec = answer.firstG711();
				if (codec != null) rtp.connect(answer.address(), answer.port(), codec, answer.telephoneEvent());
			} catch (RuntimeException e) {
				log.info("agent {} answered {} with an unusable SDP: {}", agent, callId, e.getMessage());
			}
		}
		if (codec == null || cancelled.get()) {
			// answered after we gave up, or with nothing we can send: end it at once
			hangup();
			finalStatus.complete(codec == null ? Response.NOT_ACCEPTABLE_HERE : Response.REQUEST_TERMINATED);
			return;
		}
		answeredAt = Instant.now();
		rtp.start("rtp-" + rtp.port());
		finalStatus.complete(Response.OK);
	}

	void timedOut() {
		finalStatus.complete(Response.REQUEST_TIMEOUT);
		ended.complete(Party.SYSTEM);
	}

	void remoteHungUp() {
		ended.complete(Party.AGENT);
	}

	void reinvite(RequestEvent event) throws Exception {
		byte[] body = event.getRequest().getRawContent();
		String direction = "sendrecv";
		Codec codec = rtp.codec();
		boolean held = false;
		if (body != null && body.length > 0) {
			Sdp offer = Sdp.parse(new String(body, StandardCharsets.UTF_8));
			Codec c = offer.firstG711();
			if (c == null) {
				engine.respond(event, Response.NOT_ACCEPTABLE_HERE, r -> { });
				return;
			}
			codec = c;
			held = offer.onHold();
			// a hold offer with 0.0.0.0 (RFC 2543 style) must not move where the audio goes
			if (!"0.0.0.0".equals(offer.address())) rtp.connect(offer.address(), offer.port(), c, offer.telephoneEvent());
			direction = offer.answerDirection();
		}
		String sdp = Sdp.write(engine.settings.advertisedAddress(), rtp.port(), System.currentTimeMillis(),
				java.util.List.of(codec), Sdp.DEFAULT_TELEPHONE_EVENT, direction);
		String transport = ((javax.sip.header.ViaHeader) event.getRequest().getHeader(javax.sip.header.ViaHeader.NAME))
				.getTransport().toLowerCase();
		engine.respond(event, Response.OK, r -> {
			r.addHeader(engine.ourContact(transport));
			r.setContent(sdp.getBytes(StandardCharsets.US_ASCII), engine.sdpType());
		});
		holdListener.accept(held);
	}

	/**
	 * A blind transfer from the agent's phone (RFC 3515): 202 Accepted, then a NOTIFY that it worked
	 * (the caller is taken over by the flow), then the agent's leg is ended.
	 */
	void refer(RequestEvent event) throws Exception {
		Request request = event.getRequest();
		var referTo = (javax.sip.header.ReferToHeader) request.getHeader(javax.sip.header.ReferToHeader.NAME);
		String target = referTo == null ? null
				: referTo.getAddress().getURI() instanceof javax.sip.address.SipURI u ? u.getUser()
				: referTo.getAddress().getURI().toString().replaceFirst("^tel:", "");
		if (target == null || target.isBlank() || referTo.getAddress().getURI().toString().contains("Replaces")) {
			// no target, or an attended transfer (Replaces), which the engine does not do yet
			engine.respond(event, target == null || target.isBlank() ? Response.BAD_REQUEST : Response.NOT_IMPLEMENTED, r -> { });
			return;
		}
		engine.respond(event, Response.ACCEPTED, r -> { });
		try {
			Request notify = dialog.createRequest(Request.NOTIFY);
			notify.addHeader(engine.headers.createEventHeader("refer"));
			notify.addHeader(engine.headers.createSubscriptionStateHeader("terminated;reason=noresource"));
			notify.setContent("SIP/2.0 200 OK\r\n".getBytes(StandardCharsets.US_ASCII),
					engine.headers.createContentTypeHeader("message", "sipfrag;version=2.0"));
			dialog.sendRequest(engine.provider.getNewClientTransaction(notify));
		} catch (Exception e) {
			log.debug("NOTIFY for the transfer of {}: {}", callId, e.toString());
		}
		transferTo.complete(target);
	}

	/** Gives up ringing: CANCEL once a provisional response came (RFC 3261 9.1), else the INVITE times out. */
	void cancel() {
		if (!cancelled.compareAndSet(false, true) || finalStatus.isDone() && answeredAt == null) {
			release();
			return;
		}
		if (answeredAt != null) {
			hangup();
		} else {
			try {
				Request cancel = invite.createCancel();
				engine.provider.getNewClientTransaction(cancel).sendRequest();
			} catch (Exception e) {
				log.debug("CANCEL of {} ({}): {}", callId, provisional ? "ringing" : "no answer yet", e.toString());
			}
		}
		release();
	}

	/** Sends BYE when the agent's phone is still up. */
	void hangup() {
		if (ended.isDone()) return;
		try {
			Request bye = dialog.createRequest(Request.BYE);
			dialog.sendRequest(engine.provider.getNewClientTransaction(bye));
		} catch (Exception e) {
			log.debug("BYE to agent leg {}: {}", callId, e.toString());
		}
		ended.complete(Party.SYSTEM);
	}

	void release() {
		if (released.compareAndSet(false, true)) {
			rtp.close();
			// keep the leg findable a little longer for late responses (a 200 crossing our CANCEL)
			Thread.ofVirtual().start(() -> {
				try {
					Thread.sleep(32_000);
				} catch (InterruptedException ignored) {
					// engine closing
				}
				engine.agentLegs.remove(callId, this);
			});
		}
	}
}
