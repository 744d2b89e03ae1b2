package org.minsheng.contact.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.minsheng.audit.AuditTrail;
import org.minsheng.contact.AgentState;
import org.minsheng.contact.AgentStateChanged;
import org.minsheng.contact.ContactCenter;
import org.minsheng.contact.HangupBy;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Departments;
import org.minsheng.identity.Permission;
import org.minsheng.identity.RunAs;
import org.minsheng.identity.Users;
import org.minsheng.sip.Call;
import org.minsheng.sip.CallGoneException;
import org.minsheng.sip.CallId;
import org.minsheng.sip.SipEngine;
import org.minsheng.sip.SipEngines;
import org.minsheng.sip.SipSettings;
import org.minsheng.sip.SubscriberDirectory;
import org.minsheng.sip.Trunk;
import org.minsheng.sla.WorkingCalendar;
import org.minsheng.workorder.PublicStatus;
import org.minsheng.workorder.WorkOrderNo;
import org.minsheng.workorder.WorkOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The contact center at run time, and the module's one door: starts the call engine with the
 * server, runs each call (its flow or a promised callback) with its trace live and stores its
 * record however it ends, and records the agents' state changes. The rest is its own: the plan in
 * force ({@link CallPlans}), what a flow asks of the platform ({@link CallFlowServices}), agents'
 * accounts and states ({@link AgentDesk}), who reads which call ({@link CallRecords}), calls in
 * progress ({@link LiveCallControl}), promised callbacks ({@link QueueCallbacks}) and the
 * wallboard's figures ({@link LiveFigures}).
 */
@Service
class ContactService implements ContactCenter, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ContactService.class);

	private final ContactSettings settings;

	private final CallLog callLog;

	private final CurrentActor current;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final AgentRows agentRows;

	private final Path dataDir;

	private final boolean serving;

	private final Acd acd;

	/** Calls in progress, by Call-ID. */
	private final Map<CallId, CallTrace> live = new ConcurrentHashMap<>();

	private final Map<CallId, Call> liveCalls = new ConcurrentHashMap<>();

	private final CallPlans plans;

	private final CallFlowServices flows;

	private final AgentDesk desk;

	private final CallRecords records;

	/** What an agent or a supervisor does to a call in progress (consult, transfer, hold, conference). */
	private final LiveCallControl control;

	/** The callbacks promised to waiting callers (排队回呼), placed as agents come free. */
	private final QueueCallbacks queueCallbacks;

	/** The wallboard's figures of the moment. */
	private final LiveFigures figures;

	/** Calls the center places to citizens for agents (回访, 号码保护). */
	private final ClickToCall clickToCall;

	private volatile SipEngine engine;

	private volatile boolean running;

	ContactService(ContactSettings settings, AgentRows agents, CallLog callLog, CurrentActor current, AuditTrail audit,
			Clock clock, ApplicationEventPublisher events, TransactionTemplate tx, WorkingCalendar calendar,
			PublicStatus.Lookup status, WorkOrders orders, RunAs runAs, Users users, Departments departments,
			@Value("${minsheng.data-dir}") String dataDir, @Value("${minsheng.command:serve}") String command,
			CallbackRequests callbacks, MeterRegistry meters) {
		this.settings = settings;
		this.callLog = callLog;
		this.current = current;
		this.clock = clock;
		this.events = events;
		this.tx = tx;
		this.agentRows = agents;
		this.dataDir = Path.of(dataDir);
		this.serving = command.equals("serve");
		this.acd = new Acd(clock, this::seatChanged, this::reachable, meters);
		this.plans = new CallPlans(settings, this.dataDir, audit);
		this.flows = new CallFlowServices(plans, acd, Prompts.espeak(this.dataDir.resolve("prompts")), clock,
				new CallFlowServices.Platform(calendar, status, orders, runAs, users, departments), settings,
				this.dataDir.resolve("recordings"), callLog, tx, events, () -> engine != null);
		this.control = new LiveCallControl(live, liveCalls, acd, plans::current, flows::canDial, clock::instant, current, audit);
		this.desk = new AgentDesk(settings, agents, acd, current, audit, tx, clock, () -> engine, control);
		this.records = new CallRecords(callLog, current, audit, orders);
		this.figures = new LiveFigures(callLog, settings, live, acd, clock);
		this.queueCallbacks = new QueueCallbacks(callbacks, callLog, acd, settings, () -> engine, plans::current,
				clock::instant, this::traced);
		flows.promisedCallbacks(queueCallbacks);
		this.clickToCall = new ClickToCall(orders, acd, settings, () -> engine, flows::canDial, clock::instant, current,
				audit, callLog, this::traced);
	}

	// ---------------------------------------------------------------- lifecycle

	@Override
	public void start() {
		plans.load();
		if (serving) CallsCutOff.finish(callLog, dataDir.resolve("recordings"));
		desk.seatAll();
		if (serving && settings.sipEnabled()) {
			var sip = new SipSettings(settings.sipBind(), settings.sipAdvertised(), settings.sipPort(),
					Set.of("udp", "tcp"), settings.realm(), settings.rtpPortMin(), settings.rtpPortMax(),
					Duration.ofSeconds(60), Duration.ofHours(1), settings.requestsPerSecond(),
					dataDir.resolve("recordings"), trunk());
			SubscriberDirectory accounts = extension -> agentRows.byExtension(extension).map(AgentRows.Row::ha1);
			try {
				engine = SipEngines.start(sip, accounts, this::handle);
				log.info("Call engine on SIP port {}; call plan answers {}", engine.port(), plans.current().flows().keySet());
			}
			catch (IllegalStateException e) {
				// the rest of the platform is useful without phones (a laptop whose softphone holds 5060)
				log.error("Call engine NOT started, no calls can be taken: {}. Set minsheng.contact.sip-port "
						+ "(or minsheng.contact.sip-enabled=false).", e.getMessage());
			}
		}
		running = true;
		if (engine != null) queueCallbacks.placeOwed();
	}

	/**
	 * Stops the engine only: the ACD keeps its seats, so a restart (the test framework pauses idle
	 * contexts this way) finds the agents as they were. The ACD's timers end with the bean.
	 */
	@Override
	public void stop() {
		running = false;
		var e = engine;
		engine = null;
		if (e != null) e.close();
	}

	@jakarta.annotation.PreDestroy
	void destroy() {
		stop();
		acd.close();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** The trunk of the settings; a mistake there stops the start with its name. */
	private Trunk trunk() {
		if (settings.trunk() == null || settings.trunk().isBlank()) return null;
		try {
			return Trunk.parse(settings.trunk(), settings.trunkTransport(), settings.trunkCallerId());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("minsheng.contact.trunk: " + e.getMessage(), e);
		}
	}

	// ---------------------------------------------------------------- calls

	private void handle(Call call) {
		traced(call, new CallTrace(call.id(), call.caller(), call.dialled(), clock.instant()), FlowRunner::run);
	}

	/** Runs a call (its flow, or a callback) with its trace live, and stores its record at the end however it ends. */
	private void traced(Call call, CallTrace trace, Consumer<FlowRunner> work) {
		try {
			callLog.opened(trace);
		}
		catch (RuntimeException e) {
			log.warn("record of call {} not opened; it is written when the call ends", call.id(), e);
		}
		live.put(trace.callId, trace);
		liveCalls.put(trace.callId, call);
		var runner = new FlowRunner(call, trace, flows);
		try {
			work.accept(runner);
		}
		catch (CallGoneException gone) {
			log.debug("caller of {} hung up", call.id());
		}
		catch (RuntimeException e) {
			log.warn("flow of call {} failed", call.id(), e);
		}
		finally {
			if (!call.isEnded()) call.hangup();
			runner.finish();
			if (trace.hangupBy == null) trace.hangupBy = call.endedBy().map(HangupBy::of).orElse(null);
			try {
				callLog.save(trace, clock.instant());
			}
			catch (RuntimeException e) {
				log.error("call record of {} not saved", call.id(), e);
			}
			finally {
				live.remove(trace.callId);
				liveCalls.remove(trace.callId);
			}
		}
	}

	private boolean reachable(Seat seat) {
		var e = engine;
		return e != null && e.registration(seat.extension()).isPresent();
	}

	private void seatChanged(Seat.Change change) {
		try {
			tx.executeWithoutResult(s -> {
				callLog.agentState(change);
				events.publishEvent(new AgentStateChanged(change.agent(), change.from(), change.to(), change.reason(),
						change.at().atOffset(ZoneOffset.UTC)));
			});
		}
		catch (RuntimeException e) {
			log.warn("state change of {} not recorded", change.agent(), e);
		}
	}

	// ---------------------------------------------------------------- the door

	@Override
	public AgentView saveAgent(String username, AgentAccount account) {
		return desk.save(username, account);
	}

	@Override
	public List<AgentView> agents() {
		return desk.all();
	}

	@Override
	public AgentView agent(String username) {
		return desk.one(username);
	}

	@Override
	public AgentView changeState(String username, AgentState to, String reason) {
		return desk.changeState(username, to, reason);
	}

	@Override
	public Optional<LiveCall> currentCall(String username) {
		return desk.currentCall(username);
	}

	@Override
	public List<CallRecord> calls(CallQuery query) {
		return records.list(query);
	}

	@Override
	public long countCalls(CallQuery query) {
		return records.count(query);
	}

	@Override
	public Optional<CallRecord> call(CallId callId) {
		return records.one(callId);
	}

	@Override
	public Optional<Path> recording(CallId callId) {
		return records.recording(callId);
	}

	@Override
	public LiveStats live() {
		current.get().require(Permission.CONTACT_SUPERVISE);
		return figures.now(plans.current(), engine);
	}

	@Override
	public void callCitizen(WorkOrderNo no) {
		clickToCall.callCitizenOf(no);
	}

	@Override
	public void callCitizenFrom(WorkOrderNo no, String own) {
		clickToCall.callCitizenFrom(no, own);
	}

	@Override
	public List<CallRecord> callsOf(WorkOrderNo no) {
		return records.of(no);
	}

	@Override
	public List<TrendSlot> todayTrend() {
		current.get().require(Permission.CONTACT_SUPERVISE);
		return figures.todayTrend(plans.current());
	}

	@Override
	public String planYaml() {
		current.get().require(Permission.CONTACT_SUPERVISE);
		return plans.source();
	}

	@Override
	public void replacePlan(String yaml) {
		current.get().require(Permission.CONTACT_ADMIN);
		plans.replace(yaml);
	}

	@Override
	public Optional<Integer> sipPort() {
		var e = engine;
		return e == null ? Optional.empty() : Optional.of(e.port());
	}

	@Override
	public Optional<LiveCall> liveCall(CallId callId) {
		return control.liveCall(callId);
	}

	@Override
	public void consult(CallId callId, String target) {
		control.consult(callId, target);
	}

	@Override
	public void completeTransfer(CallId callId) {
		control.completeTransfer(callId);
	}

	@Override
	public void conference(CallId callId) {
		control.conference(callId);
	}

	@Override
	public void endConsult(CallId callId) {
		control.endConsult(callId);
	}

	@Override
	public void hold(CallId callId, boolean on) {
		control.hold(callId, on);
	}

	@Override
	public void transfer(CallId callId, String target) {
		control.transfer(callId, target);
	}
}
