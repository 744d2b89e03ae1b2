package org.minsheng.sip.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.minsheng.sip.CallId;
import org.minsheng.sip.Party;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call the engine placed to a citizen through the trunk (a callback): the engine is the client of its INVITE. Once
 * answered it behaves as any citizen's call; {@link #caller()} is the citizen's number, {@link #dialled()} the
 * hotline's number the citizen sees.
 */
final class OutboundCall extends CitizenCall {

	private static final Logger log = LoggerFactory.getLogger(OutboundCall.class);

	/** The final status of the INVITE: 200 when answered, the error status otherwise (408 when nothing came). */
	final CompletableFuture<Integer> finalStatus = new CompletableFuture<>();
	private final ClientTransaction invite;
	private final AtomicBoolean cancelled = new AtomicBoolean();
	private volatile boolean provisional;
	private volatile int telephoneEvent = -1;

	OutboundCall(JainSipEngine engine, CallId id, String number, String callerId, ClientTransaction invite, Dialog dialog,
			RtpSession rtp) {
		super(engine, id, number, callerId, dialog, rtp);
		this.invite = invite;
	}

	@Override
	int telephoneEvent() {
		return telephoneEvent;
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
			end(Party.CALLER);
			return;
		}
		Dialog d = event.getDialog() != null ? event.getDialog() : dialog;
		d.sendAck(d.createAck(cseq.getSeqNumber()));
		if (finalStatus.isDone()) return; // a retransmitted 200: the ACK above answers it
		Codec codec = null;
		byte[] body = response.getRawContent();
		if (body != null && body.length > 0) {
			try {
				Sdp answer = Sdp.parse(new String(body, StandardCharsets.UTF_8));
				codec = answer.firstG711();
				if (codec != null) {
					telephoneEvent = answer.telephoneEvent();
					rtp.connect(answer.address(), answer.port(), codec, telephoneEvent);
				}
			} catch (RuntimeException e) {
				log.info("the gateway answered {} with an unusable SDP: {}", id, e.getMessage());
			}
		}
		if (codec == null || cancelled.get()) {
			sendBye();
			finalStatus.complete(codec == null ? Response.NOT_ACCEPTABLE_HERE : Response.REQUEST_TERMINATED);
			end(Party.SYSTEM);
			return;
		}
		answeredAt = java.time.Instant.now();
		rtp.start("rtp-" + rtp.port());
		finalStatus.complete(Response.OK);
	}

	void timedOut() {
		finalStatus.complete(Response.REQUEST_TIMEOUT);
		end(Party.SYSTEM);
	}

	/** Gives up ringing: CANCEL once a provisional response came (RFC 3261 9.1), else the INVITE just times out. */
	void cancel() {
		if (!cancelled.compareAndSet(false, true) || finalStatus.isDone()) return;
		if (provisional) {
			try {
				engine.provider.getNewClientTransaction(invite.createCancel()).sendRequest();
			} catch (Exception e) {
				log.debug("CANCEL of {}: {}", id, e.toString());
			}
		}
		finalStatus.complete(Response.REQUEST_TERMINATED);
		end(Party.SYSTEM);
	}

	// the citizen answered before the flow got the call: nothing to ring or answer

	@Override
	public void ring() {
		ensureUp();
	}

	@Override
	public void progress() {
		ensureUp();
	}

	@Override
	public void answer() {
		ensureUp();
	}

	@Override
	public void hangup() {
		if (ended.isDone()) return;
		if (answeredAt == null) {
			cancel();
			return;
		}
		sendBye();
		end(Party.SYSTEM);
	}
}
