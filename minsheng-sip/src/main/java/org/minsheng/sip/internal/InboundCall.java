package org.minsheng.sip.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.minsheng.sip.CallGoneException;
import org.minsheng.sip.CallId;
import org.minsheng.sip.Party;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A call the citizen placed: the engine is the server of its INVITE and answers it (or plays early media first). */
final class InboundCall extends CitizenCall {

	private static final Logger log = LoggerFactory.getLogger(InboundCall.class);

	private final ServerTransaction invite;
	private final Request request;
	private final Sdp offer;
	private final String localTag = Long.toHexString(Double.doubleToLongBits(Math.random()));
	private final CompletableFuture<Void> ack = new CompletableFuture<>();
	private final AtomicBoolean finalSent = new AtomicBoolean();
	private volatile boolean early;

	InboundCall(JainSipEngine engine, ServerTransaction invite, Dialog dialog, Request request, RtpSession rtp, Sdp offer) {
		super(engine, new CallId(JainSipEngine.callIdOf(request)), userOf((FromHeader) request.getHeader(FromHeader.NAME)),
				request.getRequestURI() instanceof SipURI u && u.getUser() != null ? u.getUser() : "", dialog, rtp);
		this.invite = invite;
		this.request = request;
		this.offer = offer;
		rtp.start("rtp-" + rtp.port());
	}

	private static String userOf(FromHeader from) {
		return from.getAddress().getURI() instanceof SipURI u && u.getUser() != null ? u.getUser() : "";
	}

	@Override
	int telephoneEvent() {
		return offer.telephoneEvent();
	}

	@Override
	public void ring() {
		ensureUp();
		if (answeredAt != null || finalSent.get() || early) return;
		try {
			engine.respond(invite, request, Response.RINGING, r -> ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(localTag));
		} catch (Exception e) {
			throw new IllegalStateException("cannot send 180 for " + id, e);
		}
	}

	/** One SDP answer for the call: the same in 183 and 200 (RFC 3264 8: an unchanged session keeps its version). */
	private final long sessionId = System.currentTimeMillis();

	private String answerSdp() {
		return Sdp.write(engine.settings.advertisedAddress(), rtp.port(), sessionId, List.of(rtp.codec()),
				telephoneEvent(), "sendrecv");
	}

	@Override
	public void progress() {
		ensureUp();
		if (answeredAt != null || early) return;
		if (finalSent.get()) throw new CallGoneException(id);
		String sdp = answerSdp();
		try {
			engine.respond(invite, request, Response.SESSION_PROGRESS, r -> {
				((ToHeader) r.getHeader(ToHeader.NAME)).setTag(localTag);
				r.addHeader(engine.ourContact(transport()));
				r.setContent(sdp.getBytes(StandardCharsets.US_ASCII), engine.sdpType());
			});
		} catch (Exception e) {
			throw new IllegalStateException("cannot send 183 for " + id, e);
		}
		early = true;
	}

	@Override
	public void answer() {
		ensureUp();
		if (answeredAt != null) return;
		if (!finalSent.compareAndSet(false, true)) throw new CallGoneException(id);
		String answerSdp = answerSdp();
		try {
			engine.respond(invite, request, Response.OK, r -> {
				((ToHeader) r.getHeader(ToHeader.NAME)).setTag(localTag);
				r.addHeader(engine.ourContact(transport()));
				r.setContent(answerSdp.getBytes(StandardCharsets.US_ASCII), engine.sdpType());
			});
		} catch (Exception e) {
			throw new IllegalStateException("cannot answer " + id, e);
		}
		answeredAt = java.time.Instant.now();
		try {
			CompletableFuture.anyOf(ack, ended).get(32, TimeUnit.SECONDS);
		} catch (TimeoutException e) {
			noAck();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CallGoneException(id);
		} catch (ExecutionException e) {
			throw new IllegalStateException(e);
		}
		ensureUp();
	}

	private String transport() {
		return JainSipEngine.transportOf(request);
	}

	@Override
	public void hangup() {
		if (ended.isDone()) return;
		try {
			if (answeredAt == null && finalSent.compareAndSet(false, true)) {
				engine.respond(invite, request, Response.TEMPORARILY_UNAVAILABLE,
						r -> ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(localTag));
			} else if (answeredAt != null) {
				sendBye();
			}
		} catch (Exception e) {
			log.debug("hanging up {}: {}", id, e.toString());
		}
		end(Party.SYSTEM);
	}

	void acknowledged() {
		ack.complete(null);
	}

	void cancelled() {
		if (answeredAt == null && finalSent.compareAndSet(false, true)) {
			try {
				engine.respond(invite, request, Response.REQUEST_TERMINATED,
						r -> ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(localTag));
			} catch (Exception e) {
				log.debug("487 for {}: {}", id, e.toString());
			}
		}
		end(Party.CALLER);
	}

	void noAck() {
		if (answeredAt != null && !ack.isDone()) {
			log.info("call {} got no ACK for its 200 OK; ending it", id);
			sendBye();
			end(Party.SYSTEM);
		}
	}
}
