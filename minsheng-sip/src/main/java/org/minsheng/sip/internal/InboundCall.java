package org.minsheng.sip.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.minsheng.sip.AudioClip;
import org.minsheng.sip.BridgeOutcome;
import org.minsheng.sip.Call;
import org.minsheng.sip.CallGoneException;
import org.minsheng.sip.CallHandler;
import org.minsheng.sip.CallId;
import org.minsheng.sip.Party;
import org.minsheng.sip.Recording;
import org.minsheng.sip.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The citizen's leg: a server dialog, its RTP stream, and the blocking operations a call flow uses. */
final class InboundCall implements Call {

	private static final Logger log = LoggerFactory.getLogger(InboundCall.class);
	private static final char ENDED = '\uffff';

	private final JainSipEngine engine;
	private final ServerTransaction invite;
	private final Dialog dialog;
	private final Request request;
	private final RtpSession rtp;
	private final Sdp offer;
	private final CallId id;
	private final String caller;
	private final String dialled;
	private final String localTag = Long.toHexString(Double.doubleToLongBits(Math.random()));
	private final Instant startedAt = Instant.now();
	private volatile Instant answeredAt;
	private final CompletableFuture<Void> ack = new CompletableFuture<>();
	private final CompletableFuture<Party> ended = new CompletableFuture<>();
	private final AtomicBoolean finalSent = new AtomicBoolean();
	private final LinkedBlockingQueue<Character> digits = new LinkedBlockingQueue<>();
	private volatile Playback playback;
	private volatile String answerSdp;

	InboundCall(JainSipEngine engine, ServerTransaction invite, Dialog dialog, Request request, RtpSession rtp, Sdp offer) {
		this.engine = engine;
		this.invite = invite;
		this.dialog = dialog;
		this.request = request;
		this.rtp = rtp;
		this.offer = offer;
		this.id = new CallId(JainSipEngine.callIdOf(request));
		FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
		this.caller = from.getAddress().getURI() instanceof SipURI u && u.getUser() != null ? u.getUser() : "";
		this.dialled = request.getRequestURI() instanceof SipURI u && u.getUser() != null ? u.getUser() : "";
		rtp.listener(ivrListener());
		rtp.start("rtp-" + rtp.port());
	}

	private RtpSession.Listener ivrListener() {
		return new RtpSession.Listener() {
			@Override
			public void digit(char key) {
				InboundCall.this.digit(key);
			}
		};
	}

	void run(CallHandler handler) {
		try {
			handler.handle(this);
		} catch (CallGoneException e) {
			log.debug("call {} ended during its flow", id);
		} catch (Exception e) {
			log.warn("call flow of {} failed", id, e);
		} finally {
			if (!ended.isDone()) hangup();
		}
	}

	// ---------------------------------------------------------------- Call

	@Override public CallId id() { return id; }
	@Override public String caller() { return caller; }
	@Override public String dialled() { return dialled; }
	@Override public String codec() { return rtp.codec().name(); }
	Codec codecEnum() { return rtp.codec(); }
	@Override public Instant startedAt() { return startedAt; }
	@Override public Optional<Instant> answeredAt() { return Optional.ofNullable(answeredAt); }
	@Override public boolean isEnded() { return ended.isDone(); }
	@Override public Optional<Party> endedBy() { return Optional.ofNullable(ended.getNow(null)); }

	private void ensureUp() {
		if (ended.isDone()) throw new CallGoneException(id);
	}

	@Override
	public void ring() {
		ensureUp();
		if (answeredAt != null || finalSent.get()) return;
		try {
			engine.respond(invite, request, Response.RINGING, r -> ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(localTag));
		} catch (Exception e) {
			throw new IllegalStateException("cannot send 180 for " + id, e);
		}
	}

	@Override
	public void answer() {
		ensureUp();
		if (answeredAt != null) return;
		if (!finalSent.compareAndSet(false, true)) throw new CallGoneException(id);
		int dtmf = offer.telephoneEvent();
		answerSdp = Sdp.write(engine.settings.advertisedAddress(), rtp.port(), System.currentTimeMillis(),
				java.util.List.of(rtp.codec()), dtmf, "sendrecv");
		try {
			engine.respond(invite, request, Response.OK, r -> {
				((ToHeader) r.getHeader(ToHeader.NAME)).setTag(localTag);
				r.addHeader(engine.ourContact(transport()));
				r.setContent(answerSdp.getBytes(StandardCharsets.US_ASCII), engine.sdpType());
			});
		} catch (Exception e) {
			throw new IllegalStateException("cannot answer " + id, e);
		}
		answeredAt = Instant.now();
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
		return ((javax.sip.header.ViaHeader) request.getHeader(javax.sip.header.ViaHeader.NAME)).getTransport().toLowerCase();
	}

	@Override
	public Optional<Character> play(AudioClip clip, boolean interruptible) {
		ensureUp();
		if (interruptible && !digits.isEmpty()) return Optional.ofNullable(digits.peek());
		Playback p = new Playback(rtp, clip.samples(), interruptible);
		playback = p;
		engine.clock.add(p);
		try {
			CompletableFuture.anyOf(p.done, ended).get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			p.stop();
			throw new CallGoneException(id);
		} catch (ExecutionException e) {
			throw new IllegalStateException(e);
		} finally {
			p.stop();
			engine.clock.remove(p);
			playback = null;
		}
		ensureUp();
		return interruptible ? Optional.ofNullable(digits.peek()) : Optional.empty();
	}

	@Override
	public void stopPlayback() {
		Playback p = playback;
		if (p != null) p.stop();
	}

	@Override
	public String readDigits(int max, Duration firstKey, Duration betweenKeys, char terminator) {
		ensureUp();
		StringBuilder keys = new StringBuilder();
		Duration wait = firstKey;
		while (keys.length() < max) {
			Character key;
			try {
				key = digits.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new CallGoneException(id);
			}
			if (key == null) break;
			if (key == ENDED) throw new CallGoneException(id);
			if (terminator != 0 && key == terminator) break;
			keys.append(key);
			wait = betweenKeys;
		}
		return keys.toString();
	}

	void digit(char key) {
		digits.offer(key);
		Playback p = playback;
		if (p != null && p.interruptible) p.stop();
	}

	@Override
	public BridgeOutcome bridge(String agent, Duration ringTimeout, String recordingName) {
		ensureUp();
		Optional<Registration> target = engine.registration(agent);
		if (target.isEmpty()) {
			return new BridgeOutcome(BridgeOutcome.Result.UNREACHABLE, "", Optional.empty(), Instant.now(),
					Optional.empty(), Optional.empty());
		}
		AgentLeg leg;
		try {
			leg = engine.inviteAgent(this, target.get());
		} catch (Exception e) {
			log.warn("cannot call agent {} for {}", agent, id, e);
			return new BridgeOutcome(BridgeOutcome.Result.UNREACHABLE, "", Optional.empty(), Instant.now(),
					Optional.empty(), Optional.empty());
		}
		try {
			CompletableFuture.anyOf(leg.finalStatus, ended).get(ringTimeout.toMillis(), TimeUnit.MILLISECONDS);
		} catch (TimeoutException e) {
			leg.cancel();
			return leg.outcome(BridgeOutcome.Result.NO_ANSWER);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			leg.cancel();
			throw new CallGoneException(id);
		} catch (ExecutionException e) {
			throw new IllegalStateException(e);
		}
		if (ended.isDone()) {
			leg.cancel();
			return leg.outcome(BridgeOutcome.Result.CALLER_LEFT);
		}
		int status = leg.finalStatus.join();
		if (status >= 300) {
			leg.release();
			return leg.outcome(status == Response.REQUEST_TIMEOUT || status == Response.SERVICE_UNAVAILABLE
					|| status == Response.NOT_FOUND || status == Response.TEMPORARILY_UNAVAILABLE
					? BridgeOutcome.Result.UNREACHABLE : BridgeOutcome.Result.REJECTED);
		}
		if (answeredAt == null) answer();
		stopPlayback();
		return talk(leg, recordingName);
	}

	private BridgeOutcome talk(AgentLeg leg, String recordingName) {
		StereoRecorder recorder = recordingName == null || recordingName.isBlank() ? null
				: new StereoRecorder(engine.settings.recordingDirectory().resolve(recordingName + ".wav"));
		RtpSession agentRtp = leg.rtp;
		rtp.listener(new RtpSession.Listener() {
			@Override
			public void audio(long timestamp, short[] pcm, long arrivedNanos) {
				if (recorder != null) recorder.write(0, timestamp, pcm, arrivedNanos);
				agentRtp.send(pcm, 0, pcm.length);
			}

			@Override
			public void digit(char key) {
				InboundCall.this.digit(key);
			}
		});
		agentRtp.listener(new RtpSession.Listener() {
			@Override
			public void audio(long timestamp, short[] pcm, long arrivedNanos) {
				if (recorder != null) recorder.write(1, timestamp, pcm, arrivedNanos);
				rtp.send(pcm, 0, pcm.length);
			}
		});
		Party endedBy;
		try {
			CompletableFuture.anyOf(leg.ended, ended).join();
			endedBy = ended.isDone() ? Party.CALLER : Party.AGENT;
		} finally {
			rtp.listener(ivrListener());
			if (ended.isDone()) leg.hangup();
			leg.release();
		}
		Optional<Recording> recording = Optional.empty();
		if (recorder != null) {
			try {
				recording = Optional.of(recorder.finish());
			} catch (RuntimeException e) {
				log.error("recording of {} could not be finished", id, e);
			}
		}
		return new BridgeOutcome(BridgeOutcome.Result.TALKED, leg.callId, Optional.of(leg.answeredAt),
				Instant.now(), Optional.of(endedBy), recording);
	}

	@Override
	public void hangup() {
		if (ended.isDone()) return;
		try {
			if (answeredAt == null && finalSent.compareAndSet(false, true)) {
				engine.respond(invite, request, Response.TEMPORARILY_UNAVAILABLE,
						r -> ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(localTag));
			} else if (answeredAt != null) {
				Request bye = dialog.createRequest(Request.BYE);
				dialog.sendRequest(engine.provider.getNewClientTransaction(bye));
			}
		} catch (Exception e) {
			log.debug("hanging up {}: {}", id, e.toString());
		}
		end(Party.SYSTEM);
	}

	@Override
	public boolean awaitEnd(Duration timeout) throws InterruptedException {
		try {
			ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		} catch (TimeoutException e) {
			return false;
		} catch (ExecutionException e) {
			throw new IllegalStateException(e);
		}
	}

	// ---------------------------------------------------------------- events from the engine

	void acknowledged() {
		ack.complete(null);
	}

	void remoteHungUp() {
		end(Party.CALLER);
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
			try {
				Request bye = dialog.createRequest(Request.BYE);
				dialog.sendRequest(engine.provider.getNewClientTransaction(bye));
			} catch (Exception e) {
				log.debug("BYE after missing ACK on {}: {}", id, e.toString());
			}
			end(Party.SYSTEM);
		}
	}

	void reinvite(RequestEvent event) throws Exception {
		byte[] body = event.getRequest().getRawContent();
		String direction = "sendrecv";
		if (body != null && body.length > 0) {
			Sdp o = Sdp.parse(new String(body, StandardCharsets.UTF_8));
			Codec c = o.firstG711();
			if (c == null) {
				engine.respond(event, Response.NOT_ACCEPTABLE_HERE, r -> { });
				return;
			}
			rtp.connect(o.address(), o.port(), c, o.telephoneEvent());
			direction = switch (o.direction()) {
				case "sendonly" -> "recvonly";
				case "inactive" -> "inactive";
				case "recvonly" -> "sendonly";
				default -> "sendrecv";
			};
		}
		String sdp = Sdp.write(engine.settings.advertisedAddress(), rtp.port(), System.currentTimeMillis(),
				java.util.List.of(rtp.codec()), offer.telephoneEvent(), direction);
		engine.respond(event, Response.OK, r -> {
			r.addHeader(engine.ourContact(transport()));
			r.setContent(sdp.getBytes(StandardCharsets.US_ASCII), engine.sdpType());
		});
	}

	private void end(Party by) {
		if (ended.complete(by)) {
			digits.offer(ENDED);
			stopPlayback();
			rtp.close();
			engine.ended(this);
			log.debug("call {} ended by {}", id, by);
		}
	}

	/** Sends a clip frame by frame on the media clock. */
	static final class Playback implements MediaClock.Ticker {
		final CompletableFuture<Void> done = new CompletableFuture<>();
		final boolean interruptible;
		private final RtpSession rtp;
		private final short[] samples;
		private int position;

		Playback(RtpSession rtp, short[] samples, boolean interruptible) {
			this.rtp = rtp;
			this.samples = samples;
			this.interruptible = interruptible;
		}

		@Override
		public boolean tick() {
			if (done.isDone()) return false;
			if (position >= samples.length) {
				done.complete(null);
				return false;
			}
			int n = Math.min(RtpSession.FRAME, samples.length - position);
			if (n == RtpSession.FRAME) {
				rtp.send(samples, position, n);
			} else {
				short[] last = new short[RtpSession.FRAME];
				System.arraycopy(samples, position, last, 0, n);
				rtp.send(last, 0, RtpSession.FRAME);
			}
			position += n;
			return true;
		}

		void stop() {
			done.complete(null);
		}
	}
}
