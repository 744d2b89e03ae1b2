package org.minsheng.sip.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
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
import org.minsheng.sip.TalkListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The citizen's leg of a call, whoever placed it: its dialog, its RTP stream, and the blocking operations a call flow
 * uses (prompts, keys, bridging to agents, hold, recording). {@link InboundCall} is a call the citizen placed,
 * {@link OutboundCall} one the engine placed to the citizen through the trunk.
 *
 * <p>It is long because every operation of a call works on the same dialog and media state under one
 * lock, and splitting them would spread that state; the media itself is in the stream classes.
 */
abstract sealed class CitizenCall implements Call permits InboundCall, OutboundCall {

	private static final Logger log = LoggerFactory.getLogger(CitizenCall.class);
	static final char ENDED = '\uffff';

	final JainSipEngine engine;
	final Dialog dialog;
	final RtpSession rtp;
	final CallId id;
	private final String caller;
	private final String dialled;
	private final Instant startedAt = Instant.now();
	volatile Instant answeredAt;
	final CompletableFuture<Party> ended = new CompletableFuture<>();
	private final LinkedBlockingQueue<Character> digits = new LinkedBlockingQueue<>();
	private volatile Playback playback;
	private volatile AgentLeg currentLeg;
	// hold: by the console and by the agent's phone; music looped to the caller meanwhile
	private volatile boolean heldByConsole;
	private volatile boolean heldByPhone;
	private volatile AudioClip holdMusic;
	private Playback holdPlayback;
	private long holdSince;
	private long heldNanos;
	// the recording of the call as the caller lives it (IVR-only calls)
	private volatile StereoRecorder callRecorder;
	private Recording callRecording;

	CitizenCall(JainSipEngine engine, CallId id, String caller, String dialled, Dialog dialog, RtpSession rtp) {
		this.engine = engine;
		this.id = id;
		this.caller = caller;
		this.dialled = dialled;
		this.dialog = dialog;
		this.rtp = rtp;
		rtp.callerLeg = true;
		rtp.listener(ivrListener());
	}

	private RtpSession.Listener ivrListener() {
		return new RtpSession.Listener() {
			@Override
			public void audio(long timestamp, short[] pcm, long arrivedNanos) {
				StereoRecorder r = callRecorder;
				if (r != null) r.write(0, timestamp, pcm, arrivedNanos);
			}

			@Override
			public void digit(char key) {
				CitizenCall.this.digit(key);
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

	void ensureUp() {
		if (ended.isDone()) throw new CallGoneException(id);
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
		return bridgeFirst(List.of(agent), ringTimeout, recordingName);
	}

	@Override
	public BridgeOutcome bridgeFirst(List<String> agents, Duration ringTimeout, String recordingName,
			java.util.function.Consumer<String> answered) {
		ensureUp();
		String named = agents.size() == 1 ? agents.getFirst() : "";
		List<AgentLeg> legs = new ArrayList<>();
		for (String agent : agents) {
			Optional<Registration> target = engine.registration(agent);
			if (target.isEmpty()) continue;
			try {
				legs.add(engine.inviteAgent(this, target.get()));
			} catch (Exception e) {
				log.warn("cannot call agent {} for {}", agent, id, e);
			}
		}
		return ringAndTalk(legs, named, ringTimeout, recordingName, answered);
	}

	@Override
	public BridgeOutcome bridgeExternal(String number, Duration ringTimeout, String recordingName) {
		ensureUp();
		String digits = number == null ? "" : number.replaceAll("[^0-9+]", "");
		List<AgentLeg> legs = new ArrayList<>();
		if (engine.settings.trunk() != null && digits.length() >= 3) {
			try {
				legs.add(engine.inviteExternal(this, engine.settings.trunk(), digits));
			} catch (Exception e) {
				log.warn("cannot call {} through the trunk for {}", digits, id, e);
			}
		}
		return ringAndTalk(legs, Call.EXTERNAL + digits, ringTimeout, recordingName, agent -> { });
	}

	/** Rings the legs; the first to answer talks with the caller until one of them hangs up. */
	private BridgeOutcome ringAndTalk(List<AgentLeg> legs, String named, Duration ringTimeout, String recordingName,
			java.util.function.Consumer<String> answered) {
		if (legs.isEmpty()) {
			return new BridgeOutcome(BridgeOutcome.Result.UNREACHABLE, named, "", Optional.empty(), Instant.now(),
					Optional.empty(), Optional.empty(), Optional.empty(), Duration.ZERO);
		}
		long deadline = System.nanoTime() + ringTimeout.toNanos();
		AgentLeg winner = null;
		boolean timedOut = false;
		while (winner == null) {
			List<CompletableFuture<?>> waits = new ArrayList<>();
			waits.add(ended);
			for (AgentLeg leg : legs) if (!leg.finalStatus.isDone()) waits.add(leg.finalStatus);
			for (AgentLeg leg : legs) {
				Integer status = leg.finalStatus.getNow(null);
				if (status != null && status < 300) winner = leg;
			}
			if (winner != null || ended.isDone() || waits.size() == 1) break;
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				timedOut = true;
				break;
			}
			try {
				CompletableFuture.anyOf(waits.toArray(CompletableFuture[]::new)).get(left, TimeUnit.NANOSECONDS);
			} catch (TimeoutException e) {
				timedOut = true;
				break;
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				legs.forEach(AgentLeg::cancel);
				throw new CallGoneException(id);
			} catch (ExecutionException e) {
				throw new IllegalStateException(e);
			}
		}
		for (AgentLeg leg : legs) if (leg != winner) leg.cancel();
		if (winner == null) {
			BridgeOutcome.Result result;
			if (ended.isDone()) result = BridgeOutcome.Result.CALLER_LEFT;
			else if (timedOut) result = BridgeOutcome.Result.NO_ANSWER;
			else {
				boolean unreachable = legs.stream().map(l -> l.finalStatus.join()).allMatch(status ->
						status == Response.REQUEST_TIMEOUT || status == Response.SERVICE_UNAVAILABLE
								|| status == Response.NOT_FOUND || status == Response.TEMPORARILY_UNAVAILABLE);
				result = unreachable ? BridgeOutcome.Result.UNREACHABLE : BridgeOutcome.Result.REJECTED;
			}
			AgentLeg first = legs.getFirst();
			return new BridgeOutcome(result, named, first.callId, Optional.empty(), Instant.now(), Optional.empty(),
					Optional.empty(), Optional.empty(), Duration.ZERO);
		}
		if (answeredAt == null) answer();
		stopPlayback();
		try {
			answered.accept(winner.agent);
		} catch (RuntimeException e) {
			log.warn("answer listener of {} failed", id, e);
		}
		return talk(winner, recordingName);
	}

	@Override
	public Optional<Recording> recordMessage(String name, Duration max, char stopKey) {
		ensureUp();
		digits.clear();
		Path file = engine.settings.recordingDirectory().resolve(name + ".wav");
		MonoRecorder recorder = new MonoRecorder();
		rtp.listener(new RtpSession.Listener() {
			@Override
			public void audio(long timestamp, short[] pcm, long arrivedNanos) {
				recorder.write(timestamp, pcm);
				StereoRecorder r = callRecorder;
				if (r != null) r.write(0, timestamp, pcm, arrivedNanos);
			}

			@Override
			public void digit(char key) {
				CitizenCall.this.digit(key);
			}
		});
		try {
			long until = System.nanoTime() + max.toNanos();
			while (!ended.isDone()) {
				long left = until - System.nanoTime();
				if (left <= 0) break;
				Character key = digits.poll(left, TimeUnit.NANOSECONDS);
				if (key == null || key == ENDED || key == stopKey) break;
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} finally {
			rtp.listener(ivrListener());
		}
		return recorder.isEmpty() ? Optional.empty() : Optional.of(recorder.writeTo(file));
	}

	/**
	 * The caller talks with the agent's leg, recorded in stereo, until one of them hangs up or the
	 * agent transfers the caller blind; an attended transfer hands the caller over to the consulted
	 * leg and the talk goes on with it.
	 */
	private BridgeOutcome talk(AgentLeg first, String recordingName) {
		StereoRecorder recorder = recordingName == null || recordingName.isBlank() ? null
				: new StereoRecorder(engine.settings.recordingDirectory().resolve(recordingName + ".wav"));
		talkRecorder = recorder;
		rtp.listener(callerAudioTo(recorder));
		AgentLeg leg = first;
		Party endedBy;
		try {
			while (true) {
				attach(leg, recorder);
				CompletableFuture.anyOf(leg.ended, ended, leg.transferTo, leg.handover).join();
				if (ended.isDone()) {
					endedBy = Party.CALLER;
					break;
				}
				if (leg.transferTo.isDone()) {
					endedBy = null;
					break;
				}
				AgentLeg next = consultLeg;
				if (next == null || next.ended.isDone()) {
					endedBy = Party.AGENT;
					break;
				}
				leg = handOver(leg, next, recorder);
			}
		} finally {
			endTalk(leg);
		}
		Optional<Recording> recording = finish(recorder);
		Duration held;
		synchronized (this) {
			held = Duration.ofNanos(heldNanos);
			heldNanos = 0;
		}
		if (endedBy == null) {
			return new BridgeOutcome(BridgeOutcome.Result.TRANSFERRED, leg.agent, leg.callId, Optional.of(leg.answeredAt),
					Instant.now(), Optional.of(Party.AGENT), recording, Optional.of(leg.transferTo.join()), held);
		}
		return new BridgeOutcome(BridgeOutcome.Result.TALKED, leg.agent, leg.callId, Optional.of(leg.answeredAt),
				Instant.now(), Optional.of(endedBy), recording, Optional.empty(), held);
	}

	/** The caller's audio to the recording's left channel and to the agent (or the conference's mixer). */
	private RtpSession.Listener callerAudioTo(StereoRecorder recorder) {
		return new RtpSession.Listener() {
			@Override
			public void audio(long timestamp, short[] pcm, long arrivedNanos) {
				if (recorder != null) recorder.write(0, timestamp, pcm, arrivedNanos);
				Mixer m = mixer;
				AgentLeg agent = currentLeg;
				if (m != null) m.in(Mixer.CALLER, pcm);
				else if (agent != null && !callerHearsMusic()) agent.rtp.send(pcm, 0, pcm.length);
			}

			@Override
			public void digit(char key) {
				CitizenCall.this.digit(key);
			}
		};
	}

	/** Attended transfer, completed from the console or by the agent hanging up while consulting: the consulted leg takes over. */
	private AgentLeg handOver(AgentLeg leg, AgentLeg next, StereoRecorder recorder) {
		consultLeg = null;
		consulting = false;
		stopMixer();
		leg.hangup();
		leg.release();
		heldByPhone = false;
		heldByConsole = false;
		holdChanged();
		if (recorder != null) recorder.rebase(1);
		log.debug("call {} handed over from {} to {}", id, leg.agent, next.agent);
		try {
			talkListener.handedOver(leg.agent, leg.callId, next.agent, next.callId);
		} catch (RuntimeException e) {
			log.warn("talk listener of {} failed", id, e);
		}
		return next;
	}

	/** The talk is over: a consult still open is ended, hold and mixing stop, the caller is back with the IVR. */
	private void endTalk(AgentLeg leg) {
		currentLeg = null;
		AgentLeg consulted = consultLeg;
		consultLeg = null;
		consulting = false;
		if (consulted != null) {
			consulted.hangup();
			consulted.release();
			try {
				talkListener.consultEnded(consulted.agent);
			} catch (RuntimeException e) {
				log.warn("talk listener of {} failed", id, e);
			}
		}
		stopMixer();
		heldByPhone = false;
		heldByConsole = false;
		holdChanged();
		talkRecorder = null;
		rtp.listener(ivrListener());
		if (ended.isDone() || leg.transferTo.isDone()) leg.hangup();
		leg.release();
	}

	/** The talk's recording, closed; empty when there is none or it could not be finished (the call goes on). */
	private Optional<Recording> finish(StereoRecorder recorder) {
		if (recorder == null) return Optional.empty();
		try {
			return Optional.of(recorder.finish());
		} catch (RuntimeException e) {
			log.error("recording of {} could not be finished", id, e);
			return Optional.empty();
		}
	}

	/** Makes {@code leg} the agent the caller talks with: its audio goes to the caller, the consulted agent or the mix. */
	private void attach(AgentLeg leg, StereoRecorder recorder) {
		leg.rtp.listener(new RtpSession.Listener() {
			@Override
			public void audio(long timestamp, short[] pcm, long arrivedNanos) {
				Mixer m = mixer;
				AgentLeg consulted = consultLeg;
				if (m != null) {
					m.in(Mixer.AGENT, pcm);
				} else if (consulted != null) {
					consulted.rtp.send(pcm, 0, pcm.length);
				} else if (!callerHearsMusic()) {
					if (recorder != null) recorder.write(1, timestamp, pcm, arrivedNanos);
					rtp.send(pcm, 0, pcm.length);
				}
			}
		});
		leg.holdListener = held -> {
			heldByPhone = held;
			holdChanged();
		};
		currentLeg = leg;
	}

	// ---------------------------------------------------------------- consult, conference, attended transfer

	private volatile AgentLeg consultLeg;
	private volatile boolean consulting;
	private volatile Mixer mixer;
	private volatile StereoRecorder talkRecorder;
	private volatile TalkListener talkListener = new TalkListener() { };

	@Override
	public void talkListener(TalkListener listener) {
		this.talkListener = listener == null ? new TalkListener() { } : listener;
	}

	/** The caller hears music: held by either side, or waiting while their agent consults, and not in a conference. */
	private boolean callerHearsMusic() {
		return (heldByConsole || heldByPhone || consulting) && mixer == null;
	}

	@Override
	public boolean consult(String agent, Duration ringTimeout) {
		AgentLeg primary = currentLeg;
		if (primary == null || consulting || ended.isDone()) return false;
		boolean outside = agent.startsWith(Call.EXTERNAL);
		Optional<Registration> target = outside ? Optional.empty() : engine.registration(agent);
		if (outside ? engine.settings.trunk() == null : target.isEmpty()) return false;
		consulting = true;
		holdChanged();
		AgentLeg consulted;
		try {
			consulted = outside ? engine.inviteExternal(this, engine.settings.trunk(), agent.substring(Call.EXTERNAL.length()))
					: engine.inviteAgent(this, target.get());
		} catch (Exception e) {
			log.warn("cannot call agent {} to consult on {}", agent, id, e);
			consulting = false;
			holdChanged();
			return false;
		}
		try {
			CompletableFuture.anyOf(consulted.finalStatus, ended, primary.ended)
					.get(ringTimeout.toMillis(), TimeUnit.MILLISECONDS);
		} catch (TimeoutException | ExecutionException e) {
			// not answered in time
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		Integer status = consulted.finalStatus.getNow(null);
		if (status == null || status != Response.OK || ended.isDone() || primary.ended.isDone() || currentLeg != primary) {
			consulted.cancel();
			consulting = false;
			holdChanged();
			return false;
		}
		consulted.rtp.listener(new RtpSession.Listener() {
			@Override
			public void audio(long timestamp, short[] pcm, long arrivedNanos) {
				Mixer m = mixer;
				AgentLeg agentLeg = currentLeg;
				if (m != null) m.in(Mixer.CONSULTED, pcm);
				else if (agentLeg != null && agentLeg != consulted) agentLeg.rtp.send(pcm, 0, pcm.length);
			}
		});
		consultLeg = consulted;
		consulted.ended.thenRun(() -> consultOver(consulted));
		return true;
	}

	/** The consulted agent's phone hung up (or {@link #endConsult}): back to the caller and their agent. */
	private void consultOver(AgentLeg consulted) {
		if (consultLeg != consulted) return; // handed over, or the talk ended
		consultLeg = null;
		consulting = false;
		stopMixer();
		holdChanged();
		consulted.release();
		try {
			talkListener.consultEnded(consulted.agent);
		} catch (RuntimeException e) {
			log.warn("talk listener of {} failed", id, e);
		}
	}

	@Override
	public boolean endConsult() {
		AgentLeg consulted = consultLeg;
		if (consulted == null) return false;
		consulted.hangup();
		return true;
	}

	@Override
	public synchronized boolean conference() {
		AgentLeg consulted = consultLeg;
		AgentLeg primary = currentLeg;
		if (consulted == null || primary == null || mixer != null) return false;
		Mixer m = new Mixer(rtp, primary.rtp, consulted.rtp, talkRecorder);
		mixer = m;
		engine.clock.add(m);
		holdChanged();
		return true;
	}

	private synchronized void stopMixer() {
		Mixer m = mixer;
		if (m != null) {
			mixer = null;
			m.stop();
			engine.clock.remove(m);
		}
	}

	@Override
	public boolean completeTransfer() {
		AgentLeg primary = currentLeg;
		if (primary == null || consultLeg == null) return false;
		return primary.handover.complete(null);
	}

	@Override
	public boolean transfer(String target) {
		AgentLeg leg = currentLeg;
		if (leg == null || target == null || target.isBlank()) return false;
		return leg.transferTo.complete(target);
	}

	@Override
	public boolean hold(boolean on) {
		if (currentLeg == null) return false;
		heldByConsole = on;
		holdChanged();
		return true;
	}

	@Override
	public boolean isHeld() {
		return callerHearsMusic();
	}

	@Override
	public void holdMusic(AudioClip music) {
		this.holdMusic = music;
	}

	/** Starts or stops the music and the hold clock after either side changed the hold. */
	private synchronized void holdChanged() {
		boolean held = callerHearsMusic() && currentLeg != null && !ended.isDone();
		if (held && holdPlayback == null) {
			holdSince = System.nanoTime();
			AudioClip music = holdMusic;
			holdPlayback = new Playback(rtp, music == null ? new short[RtpSession.FRAME] : music.samples(), false, true,
					music == null);
			engine.clock.add(holdPlayback);
			log.debug("call {} on hold", id);
		} else if (!held && holdPlayback != null) {
			holdPlayback.stop();
			engine.clock.remove(holdPlayback);
			holdPlayback = null;
			heldNanos += System.nanoTime() - holdSince;
			log.debug("call {} off hold", id);
		}
	}

	@Override
	public void startRecording(String name) {
		ensureUp();
		StereoRecorder recorder = new StereoRecorder(engine.settings.recordingDirectory().resolve(name + ".wav"));
		synchronized (this) {
			if (callRecorder != null || callRecording != null) {
				recorder.close();
				throw new IllegalStateException("call " + id + " is already recorded");
			}
			callRecorder = recorder;
		}
		rtp.tap((timestamp, pcm, offset, count) -> {
			short[] heard = java.util.Arrays.copyOfRange(pcm, offset, offset + count);
			recorder.write(1, timestamp, heard, System.nanoTime());
		});
		log.debug("recording call {}", id);
	}

	@Override
	public synchronized Optional<Recording> stopRecording() {
		StereoRecorder recorder = callRecorder;
		if (recorder != null) {
			callRecorder = null;
			rtp.tap(null);
			try {
				callRecording = recorder.finish();
			} catch (RuntimeException e) {
				log.error("recording of call {} could not be finished", id, e);
			}
		}
		return Optional.ofNullable(callRecording);
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


	/** The telephone-event payload type the citizen's side uses, or -1. */
	abstract int telephoneEvent();

	/** Sends BYE on the dialog (the call was answered). */
	void sendBye() {
		try {
			Request bye = dialog.createRequest(Request.BYE);
			dialog.sendRequest(engine.provider.getNewClientTransaction(bye));
		} catch (Exception e) {
			log.debug("BYE on {}: {}", id, e.toString());
		}
	}

	void remoteHungUp() {
		end(Party.CALLER);
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
			direction = o.answerDirection();
		}
		String sdp = Sdp.write(engine.settings.advertisedAddress(), rtp.port(), System.currentTimeMillis(),
				List.of(rtp.codec()), telephoneEvent(), direction);
		engine.respond(event, Response.OK, r -> {
			r.addHeader(engine.ourContact(JainSipEngine.transportOf(event.getRequest())));
			r.setContent(sdp.getBytes(StandardCharsets.US_ASCII), engine.sdpType());
		});
	}

	void end(Party by) {
		if (ended.complete(by)) {
			digits.offer(ENDED);
			stopPlayback();
			holdChanged();
			stopRecording();
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
		private final boolean loop;
		private final boolean silent;
		private int position;

		Playback(RtpSession rtp, short[] samples, boolean interruptible) {
			this(rtp, samples, interruptible, false, false);
		}

		/** {@code loop}: starts over at the end until stopped; {@code silent}: keeps the clock but sends nothing. */
		Playback(RtpSession rtp, short[] samples, boolean interruptible, boolean loop, boolean silent) {
			this.rtp = rtp;
			this.samples = samples;
			this.interruptible = interruptible;
			this.loop = loop;
			this.silent = silent;
		}

		@Override
		public boolean tick() {
			if (done.isDone()) return false;
			if (silent) return true;
			if (loop && position >= samples.length) position = 0;
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
