package org.minsheng.sip.internal;

import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.RequestEventExt;
import gov.nist.javax.sip.message.SIPMessage;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ListIterator;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.minsheng.sip.CallHandler;
import org.minsheng.sip.DialResult;
import org.minsheng.sip.Trunk;
import org.minsheng.sip.CallId;
import org.minsheng.sip.EngineStats;
import org.minsheng.sip.Registration;
import org.minsheng.sip.SipEngine;
import org.minsheng.sip.SipSettings;
import org.minsheng.sip.SubscriberDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call engine on the JAIN-SIP reference stack: registrar, and back-to-back user agent that keeps the citizen's
 * leg and each agent's leg as separate dialogs and bridges their media itself.
 *
 * <p>It is long because JAIN-SIP hands every request and response of every dialog to one listener;
 * this class routes them to the calls, which do the work.
 */
public final class JainSipEngine implements SipEngine, SipListener {

	private static final Logger log = LoggerFactory.getLogger(JainSipEngine.class);
	private static final AtomicInteger STACKS = new AtomicInteger();
	static final String ALLOW = "INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER, INFO, REFER, NOTIFY";
	private static final String SERVER = "Minsheng";

	final SipSettings settings;
	private final SubscriberDirectory accounts;
	private final CallHandler handler;
	final DigestAuth digest;
	private final FloodGuard flood;
	final RtpPorts rtpPorts;
	final MediaClock clock = new MediaClock();

	private SipStack stack;
	SipProvider provider;
	HeaderFactory headers;
	AddressFactory addresses;
	MessageFactory messages;
	private final List<ListeningPoint> listeningPoints = new ArrayList<>();

	private final ConcurrentHashMap<String, Registration> registrations = new ConcurrentHashMap<>();
	private final ConcurrentHashMap<String, CitizenCall> calls = new ConcurrentHashMap<>();
	final ConcurrentHashMap<String, AgentLeg> agentLegs = new ConcurrentHashMap<>();

	private final LongAdder requests = new LongAdder();
	private final LongAdder throttled = new LongAdder();
	private final LongAdder callsOffered = new LongAdder();
	private final LongAdder callsRefusedCodec = new LongAdder();
	private final LongAdder registrationsFailed = new LongAdder();
	final LongAdder rtpIn = new LongAdder();
	final LongAdder rtpOut = new LongAdder();
	final MediaQuality quality = new MediaQuality();

	private JainSipEngine(SipSettings settings, SubscriberDirectory accounts, CallHandler handler) {
		this.settings = settings;
		this.accounts = accounts;
		this.handler = handler;
		this.digest = new DigestAuth(settings.realm());
		this.flood = new FloodGuard(settings.requestsPerSecond());
		this.rtpPorts = new RtpPorts(settings.rtpPortMin(), settings.rtpPortMax());
	}

	public static JainSipEngine start(SipSettings settings, SubscriberDirectory accounts, CallHandler handler) {
		JainSipEngine engine = new JainSipEngine(settings, accounts, handler);
		try {
			engine.listen();
		} catch (Exception e) {
			engine.close();
			throw new IllegalStateException("cannot start SIP on " + settings.bindAddress() + ":" + settings.port()
					+ ": " + e.getMessage(), e);
		}
		return engine;
	}

	private void listen() throws Exception {
		// The stack's static loggers would otherwise look for log4j.
		CommonLogger.useLegacyLogger = true;
		CommonLogger.legacyLogger = new Slf4jStackLogger();
		SipFactory factory = SipFactory.getInstance();
		factory.setPathName("gov.nist");
		Properties p = new Properties();
		p.setProperty("javax.sip.STACK_NAME", "minsheng-" + STACKS.incrementAndGet());
		p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
		p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
		p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
		p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "true");
		p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", log.isTraceEnabled() ? "TRACE" : "ERROR");
		p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
		p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
		p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
		p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
		p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "false");
		stack = factory.createSipStack(p);
		headers = factory.createHeaderFactory();
		addresses = factory.createAddressFactory();
		messages = factory.createMessageFactory();
		int port = settings.port() == 0 ? freePort(settings.bindAddress()) : settings.port();
		for (String transport : List.of("udp", "tcp")) {
			if (!settings.transports().contains(transport)) continue;
			ListeningPoint lp = stack.createListeningPoint(settings.bindAddress(), port, transport);
			listeningPoints.add(lp);
			if (provider == null) {
				provider = stack.createSipProvider(lp);
				provider.addSipListener(this);
			} else {
				provider.addListeningPoint(lp);
			}
		}
		stack.start();
		log.info("SIP engine listening on {}:{} ({}), RTP {}", settings.bindAddress(), port,
				String.join("+", settings.transports()), rtpPorts);
	}

	/** A port free for both UDP and TCP, for {@code port: 0} (tests, several engines on one machine). */
	private static int freePort(String address) throws java.io.IOException {
		for (int attempt = 0; attempt < 100; attempt++) {
			try (var udp = new java.net.DatagramSocket(new java.net.InetSocketAddress(address, 0))) {
				int candidate = udp.getLocalPort();
				try (var tcp = new java.net.ServerSocket()) {
					tcp.bind(new java.net.InetSocketAddress(address, candidate));
					return candidate;
				} catch (java.io.IOException taken) {
					// try another
				}
			}
		}
		throw new java.io.IOException("no port free for both UDP and TCP on " + address);
	}

	@Override
	public int port() {
		return listeningPoints.isEmpty() ? settings.port() : listeningPoints.getFirst().getPort();
	}

	@Override
	public List<Registration> registrations() {
		Instant now = Instant.now();
		registrations.values().removeIf(r -> r.expiresAt().isBefore(now));
		return registrations.values().stream().sorted(Comparator.comparing(Registration::user)).toList();
	}

	@Override
	public Optional<Registration> registration(String user) {
		Registration r = registrations.get(user);
		if (r != null && r.expiresAt().isBefore(Instant.now())) {
			registrations.remove(user, r);
			return Optional.empty();
		}
		return Optional.ofNullable(r);
	}

	@Override
	public EngineStats stats() {
		return new EngineStats(requests.sum(), throttled.sum(), callsOffered.sum(), callsRefusedCodec.sum(),
				registrationsFailed.sum(), rtpIn.sum(), rtpOut.sum(), quality.streams(), quality.received(), quality.lost(),
				quality.callerReceived(), quality.callerLost(), quality.jitterPercentile(0.99));
	}

	@Override
	public int activeCalls() {
		return calls.size();
	}

	@Override
	public void close() {
		for (CitizenCall call : List.copyOf(calls.values())) {
			try {
				call.hangup();
			} catch (RuntimeException e) {
				log.debug("hanging up {} at shutdown: {}", call.id(), e.toString());
			}
		}
		clock.close();
		if (stack != null) {
			try {
				if (provider != null) {
					provider.removeSipListener(this);
					stack.deleteSipProvider(provider);
				}
				for (ListeningPoint lp : listeningPoints) stack.deleteListeningPoint(lp);
			} catch (Exception e) {
				log.debug("closing SIP listening points: {}", e.toString());
			}
			stack.stop();
		}
	}

	// ---------------------------------------------------------------- requests

	@Override
	public void processRequest(RequestEvent event) {
		Request request = event.getRequest();
		String method = request.getMethod();
		requests.increment();
		String source = event instanceof RequestEventExt ext ? ext.getRemoteIpAddress() : "unknown";
		// ACKs belong to calls already admitted; a flood is refused by silence, which costs the sender the most.
		if (!Request.ACK.equals(method) && !flood.admit(source)) {
			throttled.increment();
			return;
		}
		String malformed = malformedHeader(request);
		if (malformed != null) {
			if (!Request.ACK.equals(method)) badRequest(request, "Bad header: " + malformed);
			return;
		}
		try {
			switch (method) {
				case Request.REGISTER -> register(event);
				case Request.OPTIONS -> options(event);
				case Request.INVITE -> invite(event);
				case Request.ACK -> ack(event);
				case Request.BYE -> bye(event);
				case Request.CANCEL -> cancel(event);
				case Request.INFO -> info(event);
				case Request.REFER -> refer(event);
				case Request.NOTIFY -> respond(event, Response.OK, r -> { });
				default -> respond(event, Response.METHOD_NOT_ALLOWED, r -> addAllow(r));
			}
		} catch (TransactionAlreadyExistsException e) {
			log.trace("retransmitted {} absorbed", method);
		} catch (TransactionUnavailableException e) {
			// the stack found the request unfit for a transaction (a required header missing or unreadable)
			if (!Request.ACK.equals(method)) badRequest(request, e.getMessage());
		} catch (Exception e) {
			log.warn("{} from {} failed", method, source, e);
			if (!Request.ACK.equals(method)) {
				try {
					respond(event, Response.SERVER_INTERNAL_ERROR, r -> { });
				} catch (Exception ignored) {
					// the transaction may already have a final response
				}
			}
		}
	}

	/**
	 * The first header the parser could not read. The stack drops such headers silently (and keeps the request),
	 * which would let {@code Max-Forwards: seventy} pass as no Max-Forwards at all; a request with one is refused.
	 */
	private static String malformedHeader(Request request) {
		if (request instanceof SIPMessage m) {
			ListIterator<String> unparsed = m.getUnrecognizedHeaders();
			if (unparsed != null && unparsed.hasNext()) {
				String header = unparsed.next().strip();
				return header.length() > 80 ? header.substring(0, 80) : header;
			}
		}
		return null;
	}

	/** A stateless 400 naming what was wrong; sent only when the request can be answered at all. */
	private void badRequest(Request request, String reason) {
		try {
			Response response = messages.createResponse(Response.BAD_REQUEST, request);
			response.setReasonPhrase("Bad Request (" + reason.replaceAll("[\\r\\n]", " ") + ")");
			response.addHeader(headers.createServerHeader(List.of(SERVER)));
			provider.sendResponse(response);
		} catch (Exception e) {
			log.debug("cannot answer a malformed {}: {}", request.getMethod(), e.toString());
		}
	}

	interface Customizer {
		void customize(Response response) throws Exception;
	}

	ServerTransaction serverTransaction(RequestEvent event) throws SipException {
		ServerTransaction st = event.getServerTransaction();
		return st != null ? st : provider.getNewServerTransaction(event.getRequest());
	}

	void respond(RequestEvent event, int status, Customizer customizer) throws Exception {
		respond(serverTransaction(event), event.getRequest(), status, customizer);
	}

	void respond(ServerTransaction st, Request request, int status, Customizer customizer) throws Exception {
		Response response = messages.createResponse(status, request);
		response.addHeader(headers.createServerHeader(List.of(SERVER)));
		customizer.customize(response);
		st.sendResponse(response);
	}

	void addAllow(javax.sip.message.Message message) throws ParseException {
		for (String method : ALLOW.split(", ")) message.addHeader(headers.createAllowHeader(method));
	}

	private void options(RequestEvent event) throws Exception {
		respond(event, Response.OK, r -> {
			addAllow(r);
			r.addHeader(headers.createAcceptHeader("application", "sdp"));
		});
	}

	private void register(RequestEvent event) throws Exception {
		Request request = event.getRequest();
		ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
		String user = to.getAddress().getURI() instanceof SipURI uri ? uri.getUser() : null;
		AuthorizationHeader auth = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
		if (auth == null) {
			challenge(event, false);
			return;
		}
		String name = auth.getUsername();
		Optional<String> ha1 = name == null ? Optional.empty() : accounts.ha1(name);
		String uri = Optional.ofNullable(auth.getParameter("uri"))
				.orElse(auth.getURI() == null ? null : auth.getURI().toString());
		String nc = Optional.ofNullable(auth.getParameter("nc")).orElse(String.format("%08x", auth.getNonceCount()));
		DigestAuth.Verdict verdict = ha1.isEmpty() || !name.equals(user) || !digest.realm().equals(auth.getRealm())
				? DigestAuth.Verdict.WRONG
				: digest.check(ha1.get(), Request.REGISTER, uri, auth.getNonce(), auth.getResponse(), auth.getQop(),
						nc, auth.getCNonce());
		switch (verdict) {
			case STALE -> challenge(event, true);
			case WRONG -> {
				registrationsFailed.increment();
				log.info("REGISTER for '{}' as '{}' from {} refused: wrong credentials", user, name,
						((RequestEventExt) event).getRemoteIpAddress());
				respond(event, Response.FORBIDDEN, r -> { });
			}
			case OK -> bind(event, user);
		}
	}

	private void challenge(RequestEvent event, boolean stale) throws Exception {
		respond(event, Response.UNAUTHORIZED, r -> {
			WWWAuthenticateHeader www = headers.createWWWAuthenticateHeader("Digest");
			www.setRealm(digest.realm());
			www.setNonce(digest.newNonce());
			www.setAlgorithm("MD5");
			www.setQop("auth");
			if (stale) www.setStale(true);
			r.addHeader(www);
		});
	}

	private void bind(RequestEvent event, String user) throws Exception {
		Request request = event.getRequest();
		ExpiresHeader expiresHeader = request.getExpires();
		int defaultExpires = expiresHeader == null ? 3600 : expiresHeader.getExpires();
		ListIterator<?> contacts = request.getHeaders(ContactHeader.NAME);
		ContactHeader contact = contacts.hasNext() ? (ContactHeader) contacts.next() : null;
		if (contact == null) { // a query: answer with the current binding
			Registration current = registration(user).orElse(null);
			respond(event, Response.OK, r -> {
				if (current != null) r.addHeader(contactOf(current));
			});
			return;
		}
		if (contact.isWildCard()) {
			if (defaultExpires != 0) {
				respond(event, Response.BAD_REQUEST, r -> r.setReasonPhrase("Wildcard Contact needs Expires: 0"));
				return;
			}
			registrations.remove(user);
			respond(event, Response.OK, r -> { });
			return;
		}
		int expires = contact.getExpires() >= 0 ? contact.getExpires() : defaultExpires;
		if (expires == 0) {
			registrations.remove(user);
			log.info("'{}' unregistered", user);
			respond(event, Response.OK, r -> { });
			return;
		}
		long min = settings.minRegistration().toSeconds();
		if (expires < min) {
			respond(event, Response.INTERVAL_TOO_BRIEF,
					r -> r.addHeader(headers.createMinExpiresHeader((int) min)));
			return;
		}
		int granted = (int) Math.min(expires, settings.maxRegistration().toSeconds());
		RequestEventExt ext = (RequestEventExt) event;
		ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
		UserAgentHeader ua = (UserAgentHeader) request.getHeader(UserAgentHeader.NAME);
		Registration registration = new Registration(user, contact.getAddress().getURI().toString(),
				via.getTransport().toLowerCase(), ext.getRemoteIpAddress() + ":" + ext.getRemotePort(),
				ua == null ? "" : String.join(" ", toStrings(ua.getProduct())),
				Instant.now().plusSeconds(granted));
		Registration previous = registrations.put(user, registration);
		if (previous == null) log.info("'{}' registered at {} via {}", user, registration.contact(), registration.source());
		respond(event, Response.OK, r -> {
			ContactHeader c = contactOf(registration);
			c.setExpires(granted);
			r.addHeader(c);
			r.addHeader(headers.createDateHeader(java.util.Calendar.getInstance()));
		});
	}

	private static List<String> toStrings(ListIterator<?> it) {
		List<String> out = new ArrayList<>();
		while (it.hasNext()) out.add(String.valueOf(it.next()));
		return out;
	}

	private ContactHeader contactOf(Registration r) throws ParseException {
		return headers.createContactHeader(addresses.createAddress(r.contact()));
	}

	private void invite(RequestEvent event) throws Exception {
		Request request = event.getRequest();
		String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
		String toTag = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
		if (toTag != null) { // re-INVITE within a dialog: hold, resume, or a new address
			CitizenCall call = calls.get(callId);
			AgentLeg leg = agentLegs.get(callId);
			if (call != null) call.reinvite(event);
			else if (leg != null) leg.reinvite(event);
			else respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, r -> { });
			return;
		}
		ServerTransaction st = serverTransaction(event);
		byte[] body = request.getRawContent();
		Sdp offer;
		try {
			if (body == null || body.length == 0) throw new IllegalArgumentException("no SDP offer");
			offer = Sdp.parse(new String(body, StandardCharsets.UTF_8));
		} catch (RuntimeException e) {
			callsRefusedCodec.increment();
			respond(st, request, Response.NOT_ACCEPTABLE_HERE, r -> r.addHeader(
					headers.createWarningHeader(SERVER, 305, "Incompatible media format: " + e.getMessage())));
			return;
		}
		Codec codec = offer.firstG711();
		if (codec == null) {
			callsRefusedCodec.increment();
			respond(st, request, Response.NOT_ACCEPTABLE_HERE, r -> r.addHeader(
					headers.createWarningHeader(SERVER, 305, "Incompatible media format: only PCMU and PCMA")));
			return;
		}
		Dialog dialog = provider.getNewDialog(st);
		respond(st, request, Response.TRYING, r -> { });
		RtpSession rtp = RtpSession.open(settings.bindAddress(), rtpPorts, rtpIn, rtpOut, quality);
		rtp.connect(offer.address(), offer.port(), codec, offer.telephoneEvent());
		InboundCall call = new InboundCall(this, st, dialog, request, rtp, offer);
		calls.put(callId, call);
		callsOffered.increment();
		Thread.ofVirtual().name("call-" + callId).start(() -> call.run(handler));
	}

	private void ack(RequestEvent event) {
		String callId = callIdOf(event.getRequest());
		if (calls.get(callId) instanceof InboundCall call) call.acknowledged();
	}

	private void bye(RequestEvent event) throws Exception {
		String callId = callIdOf(event.getRequest());
		CitizenCall call = calls.get(callId);
		AgentLeg leg = agentLegs.get(callId);
		if (call == null && leg == null) {
			respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, r -> { });
			return;
		}
		respond(event, Response.OK, r -> { });
		if (call != null) call.remoteHungUp();
		if (leg != null) leg.remoteHungUp();
	}

	private void cancel(RequestEvent event) throws Exception {
		String callId = callIdOf(event.getRequest());
		if (!(calls.get(callId) instanceof InboundCall call)) {
			respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, r -> { });
			return;
		}
		respond(event, Response.OK, r -> { });
		call.cancelled();
	}

	private void refer(RequestEvent event) throws Exception {
		AgentLeg leg = agentLegs.get(callIdOf(event.getRequest()));
		if (leg == null) {
			// a caller's phone or trunk transferring is not taken (the center keeps its callers)
			respond(event, calls.containsKey(callIdOf(event.getRequest())) ? Response.FORBIDDEN
					: Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, r -> { });
			return;
		}
		leg.refer(event);
	}

	private void info(RequestEvent event) throws Exception {
		String callId = callIdOf(event.getRequest());
		CitizenCall call = calls.get(callId);
		if (call == null) {
			respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, r -> { });
			return;
		}
		byte[] body = event.getRequest().getRawContent();
		char key = body == null ? 0 : infoDigit(new String(body, StandardCharsets.UTF_8));
		if (key == 0) {
			respond(event, Response.UNSUPPORTED_MEDIA_TYPE, r -> { });
			return;
		}
		respond(event, Response.OK, r -> { });
		call.digit(key);
	}

	/** The key of an INFO body, {@code application/dtmf-relay} ({@code Signal=5}) or {@code application/dtmf}. */
	static char infoDigit(String body) {
		for (String line : body.split("\r?\n")) {
			String l = line.strip();
			String value = l.regionMatches(true, 0, "Signal", 0, 6) && l.indexOf('=') > 0
					? l.substring(l.indexOf('=') + 1).strip()
					: l;
			if (value.length() == 1 && "0123456789*#ABCDabcd".indexOf(value.charAt(0)) >= 0) {
				return Character.toUpperCase(value.charAt(0));
			}
		}
		return 0;
	}

	static String callIdOf(Request request) {
		return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
	}

	static String transportOf(Request request) {
		return ((ViaHeader) request.getHeader(ViaHeader.NAME)).getTransport().toLowerCase();
	}

	void ended(CitizenCall call) {
		calls.remove(call.id().value(), call);
	}

	// ---------------------------------------------------------------- outgoing legs

	@Override
	public DialResult dial(String number, Duration ringTimeout) {
		Trunk trunk = settings.trunk();
		if (trunk == null) return new DialResult(DialResult.Outcome.FAILED, Response.SERVICE_UNAVAILABLE, Optional.empty());
		String digits = number == null ? "" : number.replaceAll("[^0-9+]", "");
		if (digits.length() < 3) throw new IllegalArgumentException("not a number to call: " + number);
		OutboundCall call;
		try {
			call = inviteCitizen(trunk, digits);
		} catch (Exception e) {
			log.warn("cannot call {} through the trunk {}:{}", digits, trunk.host(), trunk.port(), e);
			return new DialResult(DialResult.Outcome.FAILED, Response.SERVER_INTERNAL_ERROR, Optional.empty());
		}
		int status;
		try {
			status = call.finalStatus.get(ringTimeout.toMillis(), TimeUnit.MILLISECONDS);
		} catch (java.util.concurrent.TimeoutException e) {
			call.cancel();
			status = call.finalStatus.getNow(Response.REQUEST_TIMEOUT);
			if (status == Response.OK) return new DialResult(DialResult.Outcome.ANSWERED, status, Optional.of(call));
			return new DialResult(DialResult.Outcome.NO_ANSWER, Response.REQUEST_TIMEOUT, Optional.empty());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			call.cancel();
			return new DialResult(DialResult.Outcome.FAILED, Response.REQUEST_TERMINATED, Optional.empty());
		} catch (java.util.concurrent.ExecutionException e) {
			throw new IllegalStateException(e);
		}
		if (status == Response.OK) return new DialResult(DialResult.Outcome.ANSWERED, status, Optional.of(call));
		DialResult.Outcome outcome = switch (status) {
			case Response.BUSY_HERE, Response.BUSY_EVERYWHERE, Response.DECLINE -> DialResult.Outcome.BUSY;
			case Response.REQUEST_TIMEOUT, Response.TEMPORARILY_UNAVAILABLE -> DialResult.Outcome.NO_ANSWER;
			default -> DialResult.Outcome.FAILED;
		};
		return new DialResult(outcome, status, Optional.empty());
	}

	private OutboundCall inviteCitizen(Trunk trunk, String number) throws Exception {
		RtpSession rtp = RtpSession.open(settings.bindAddress(), rtpPorts, rtpIn, rtpOut, quality);
		ClientTransaction ct = provider.getNewClientTransaction(trunkInvite(trunk, number, rtp, List.of(Codec.PCMA, Codec.PCMU)));
		Dialog dialog = provider.getNewDialog(ct);
		String callId = callIdOf(ct.getRequest());
		OutboundCall call = new OutboundCall(this, new CallId(callId), number, trunk.callerId(), ct, dialog, rtp);
		calls.put(callId, call);
		ct.sendRequest();
		return call;
	}

	/** An INVITE for {@code number} to the trunk, from the hotline's number, offering the codecs on the RTP session. */
	private Request trunkInvite(Trunk trunk, String number, RtpSession rtp, List<Codec> codecs) throws Exception {
		String host = settings.advertisedAddress();
		SipURI requestUri = addresses.createSipURI(number, trunk.host());
		requestUri.setPort(trunk.port());
		requestUri.setTransportParam(trunk.transport());
		FromHeader from = headers.createFromHeader(addresses.createAddress(addresses.createSipURI(trunk.callerId(), host)),
				Long.toHexString(System.nanoTime()));
		ToHeader to = headers.createToHeader(addresses.createAddress(addresses.createSipURI(number, trunk.host())), null);
		CSeqHeader cseq = headers.createCSeqHeader(1L, Request.INVITE);
		ViaHeader via = headers.createViaHeader(host, port(), trunk.transport(), null);
		String sdp = Sdp.write(host, rtp.port(), System.currentTimeMillis(), codecs, Sdp.DEFAULT_TELEPHONE_EVENT, "sendrecv");
		Request invite = messages.createRequest(requestUri, Request.INVITE, provider.getNewCallId(), cseq, from, to,
				List.of(via), headers.createMaxForwardsHeader(70), sdpType(), sdp.getBytes(StandardCharsets.US_ASCII));
		invite.addHeader(ourContact(trunk.transport()));
		invite.addHeader(headers.createUserAgentHeader(List.of(SERVER)));
		addAllow(invite);
		return invite;
	}

	/** Sends an INVITE to the phone of a registration; the leg reports what happens through its futures. */
	AgentLeg inviteAgent(CitizenCall call, Registration target) throws Exception {
		String transport = target.transport();
		String host = settings.advertisedAddress();
		URI requestUri = addresses.createURI(target.contact());
		SipURI fromUri = addresses.createSipURI(call.caller().isEmpty() ? "anonymous" : call.caller(), host);
		Address fromAddress = addresses.createAddress(fromUri);
		FromHeader from = headers.createFromHeader(fromAddress, Long.toHexString(System.nanoTime()));
		ToHeader to = headers.createToHeader(addresses.createAddress(addresses.createSipURI(target.user(), host)), null);
		CallIdHeader callId = provider.getNewCallId();
		CSeqHeader cseq = headers.createCSeqHeader(1L, Request.INVITE);
		ViaHeader via = headers.createViaHeader(host, port(), transport, null);
		MaxForwardsHeader maxForwards = headers.createMaxForwardsHeader(70);
		RtpSession rtp = RtpSession.open(settings.bindAddress(), rtpPorts, rtpIn, rtpOut, quality);
		List<Codec> codecs = call.codecEnum() == Codec.PCMU ? List.of(Codec.PCMU, Codec.PCMA) : List.of(Codec.PCMA, Codec.PCMU);
		String sdp = Sdp.write(host, rtp.port(), System.currentTimeMillis(), codecs, Sdp.DEFAULT_TELEPHONE_EVENT,
				"sendrecv");
		ContentTypeHeader type = headers.createContentTypeHeader("application", "sdp");
		Request invite = messages.createRequest(requestUri, Request.INVITE, callId, cseq, from, to, List.of(via),
				maxForwards, type, sdp.getBytes(StandardCharsets.US_ASCII));
		invite.addHeader(ourContact(transport));
		invite.addHeader(headers.createUserAgentHeader(List.of(SERVER)));
		addAllow(invite);
		// Reach the phone where its REGISTER came from (it may sit behind NAT), not only where its Contact says.
		String[] source = target.source().split(":");
		if (requestUri instanceof SipURI contactUri
				&& !(contactUri.getHost().equals(source[0]) && contactUri.getPort() == Integer.parseInt(source[1]))) {
			SipURI hop = addresses.createSipURI(null, source[0]);
			hop.setPort(Integer.parseInt(source[1]));
			hop.setTransportParam(transport);
			hop.setLrParam();
			RouteHeader route = headers.createRouteHeader(addresses.createAddress(hop));
			invite.addHeader(route);
		}
		ClientTransaction ct = provider.getNewClientTransaction(invite);
		Dialog dialog = provider.getNewDialog(ct);
		AgentLeg leg = new AgentLeg(this, target.user(), callId.getCallId(), ct, dialog, rtp);
		agentLegs.put(callId.getCallId(), leg);
		ct.sendRequest();
		return leg;
	}

	/** Sends an INVITE for {@code number} to the trunk on behalf of a caller: the far end is treated as an agent's leg. */
	AgentLeg inviteExternal(CitizenCall call, Trunk trunk, String number) throws Exception {
		RtpSession rtp = RtpSession.open(settings.bindAddress(), rtpPorts, rtpIn, rtpOut, quality);
		List<Codec> codecs = call.codecEnum() == Codec.PCMU ? List.of(Codec.PCMU, Codec.PCMA) : List.of(Codec.PCMA, Codec.PCMU);
		ClientTransaction ct = provider.getNewClientTransaction(trunkInvite(trunk, number, rtp, codecs));
		Dialog dialog = provider.getNewDialog(ct);
		String callId = callIdOf(ct.getRequest());
		AgentLeg leg = new AgentLeg(this, org.minsheng.sip.Call.EXTERNAL + number, callId, ct, dialog, rtp);
		agentLegs.put(callId, leg);
		ct.sendRequest();
		return leg;
	}

	ContactHeader ourContact(String transport) throws ParseException {
		SipURI uri = addresses.createSipURI("minsheng", settings.advertisedAddress());
		uri.setPort(port());
		uri.setTransportParam(transport);
		return headers.createContactHeader(addresses.createAddress(uri));
	}

	ContentTypeHeader sdpType() throws ParseException {
		return headers.createContentTypeHeader("application", "sdp");
	}

	@Override
	public void processResponse(ResponseEvent event) {
		Response response = event.getResponse();
		String callId = ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId();
		AgentLeg leg = agentLegs.get(callId);
		if (leg != null) {
			try {
				leg.response(event);
			} catch (Exception e) {
				log.warn("response {} on agent leg {} failed", response.getStatusCode(), callId, e);
			}
		} else if (calls.get(callId) instanceof OutboundCall call) {
			try {
				call.response(event);
			} catch (Exception e) {
				log.warn("response {} on the call to a citizen {} failed", response.getStatusCode(), callId, e);
			}
		}
	}

	@Override
	public void processTimeout(TimeoutEvent event) {
		if (event.isServerTransaction()) {
			String callId = callIdOf(event.getServerTransaction().getRequest());
			if (calls.get(callId) instanceof InboundCall call) call.noAck();
		} else {
			String callId = callIdOf(event.getClientTransaction().getRequest());
			if (!Request.INVITE.equals(event.getClientTransaction().getRequest().getMethod())) return;
			AgentLeg leg = agentLegs.get(callId);
			if (leg != null) leg.timedOut();
			if (calls.get(callId) instanceof OutboundCall call) call.timedOut();
		}
	}

	@Override
	public void processIOException(IOExceptionEvent event) {
		log.debug("SIP I/O error towards {}:{} ({})", event.getHost(), event.getPort(), event.getTransport());
	}

	@Override
	public void processTransactionTerminated(TransactionTerminatedEvent event) {
		// transactions end by themselves; calls are tracked by dialog
	}

	@Override
	public void processDialogTerminated(DialogTerminatedEvent event) {
		// the call and leg objects notice the end through BYE/CANCEL/timeouts
	}

}
