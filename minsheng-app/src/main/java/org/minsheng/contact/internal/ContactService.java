package org.minsheng.contact.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.contact.AgentState;
import org.minsheng.contact.AgentStateChanged;
import org.minsheng.contact.CallAnswered;
import org.minsheng.contact.ContactCenter;
import org.minsheng.contact.HangupBy;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Departments;
import org.minsheng.identity.Permission;
import org.minsheng.identity.Role;
import org.minsheng.identity.RunAs;
import org.minsheng.identity.Users;
import org.minsheng.platform.ConflictException;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.minsheng.platform.TooManyRequestsException;
import org.minsheng.sip.Call;
import org.minsheng.sip.CallGoneException;
import org.minsheng.sip.Recording;
import org.minsheng.sip.SipEngine;
import org.minsheng.sip.SipEngines;
import org.minsheng.sip.SipSettings;
import org.minsheng.sip.SubscriberDirectory;
import org.minsheng.sip.Trunk;
import org.minsheng.sla.WorkingCalendar;
import org.minsheng.sla.WorkingHours;
import org.minsheng.workorder.Channel;
import org.minsheng.workorder.PublicStatus;
import org.minsheng.workorder.RequestType;
import org.minsheng.workorder.Urgency;
import org.minsheng.workorder.WorkOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The contact center at run time: starts the call engine with the server, keeps the ACD and the
 * active call plan, runs each call's flow, and answers the API. It is still long because it is the
 * module's one door and the flows' services; the control of calls in progress (LiveCallControl), the
 * promised callbacks (QueueCallbacks) and the wallboard's figures (LiveFigures) are their own.
 */
@Service
class ContactService implements ContactCenter, FlowRunner.Services, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ContactService.class);

	private static final Pattern EXTENSION = Pattern.compile("[0-9]{2,10}");

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{2,100}");

	private final ContactSettings settings;

	private final AgentRows agents;

	private final CallLog callLog;

	private final CurrentActor current;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final WorkingCalendar calendar;

	private final PublicStatus.Lookup status;

	private final WorkOrders orders;

	private final RunAs runAs;

	private final Users users;

	private final Departments departments;

	private final Path dataDir;

	private final boolean serving;

	private final Acd acd;

	private final Prompts prompts;

	private final Map<String, Double> handleSeconds = new ConcurrentHashMap<>();

	/** Calls in progress, by Call-ID. */
	private final Map<String, CallTrace> live = new ConcurrentHashMap<>();

	private final Map<String, Call> liveCalls = new ConcurrentHashMap<>();

	private volatile CallPlan plan;

	private volatile SipEngine engine;

	private final CallbackRequests callbacks;


	private volatile boolean running;

	private volatile boolean serviceAccountReady;

	/** What an agent or a supervisor does to a call in progress (consult, transfer, hold, conference). */
	private final LiveCallControl control;

	/** The callbacks promised to waiting callers (排队回呼), placed as agents come free. */
	private final QueueCallbacks queueCallbacks;

	/** The wallboard's figures of the moment. */
	private final LiveFigures figures;

	ContactService(ContactSettings settings, AgentRows agents, CallLog callLog, CurrentActor current, AuditTrail audit,
			Clock clock, ApplicationEventPublisher events, TransactionTemplate tx, WorkingCalendar calendar,
			PublicStatus.Lookup status, WorkOrders orders, RunAs runAs, Users users, Departments departments,
			@Value("${minsheng.data-dir}") String dataDir, @Value("${minsheng.command:serve}") String command,
			CallbackRequests callbacks, MeterRegistry meters) {
		this.callbacks = callbacks;
		this.settings = settings;
		this.agents = agents;
		this.callLog = callLog;
		this.current = current;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
		this.tx = tx;
		this.calendar = calendar;
		this.status = status;
		this.orders = orders;
		this.runAs = runAs;
		this.users = users;
		this.departments = departments;
		this.dataDir = Path.of(dataDir);
		this.serving = command.equals("serve");
		this.acd = new Acd(clock, this::seatChanged, this::reachable, meters);
		this.prompts = Prompts.espeak(this.dataDir.resolve("prompts"));
		this.control = new LiveCallControl(live, liveCalls, acd, () -> plan, this::canDial, this::now, current, audit);
		this.figures = new LiveFigures(callLog, settings, live, acd, clock);
		this.queueCallbacks = new QueueCallbacks(callbacks, callLog, acd, settings, () -> engine, () -> plan, this::now,
				this::traced);
	}

	// ---------------------------------------------------------------- lifecycle

	@Override
	public void start() {
		plan = loadPlan();
		if (serving) finishCallsCutOff();
		for (var row : agents.all()) acd.seat(row.username(), row.extension(), row.skills());
		if (serving && settings.sipEnabled()) {
			var sip = new SipSettings(settings.sipBind(), settings.sipAdvertised(), settings.sipPort(),
					Set.of("udp", "tcp"), settings.realm(), settings.rtpPortMin(), settings.rtpPortMax(),
					Duration.ofSeconds(60), Duration.ofHours(1), settings.requestsPerSecond(),
					dataDir.resolve("recordings"), trunk());
			SubscriberDirectory accounts = extension -> agents.byExtension(extension).map(AgentRows.Row::ha1);
			try {
				engine = SipEngines.start(sip, accounts, this::handle);
				log.info("Call engine on SIP port {}; call plan answers {}", engine.port(), plan.flows().keySet());
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
	 * The calls this host carried when it stopped without finishing them (a crash): each keeps its
	 * record, marked INTERRUPTED, and the recordings it had on disk are finished (their headers
	 * written, sealed with SHA-256) so that they play up to the crash.
	 */
	private void finishCallsCutOff() {
		for (var row : callLog.cutOff()) {
			var callId = (String) row.get("call_id");
			var started = CallLog.odt(row.get("started_at")).toInstant();
			var day = LocalDate.ofInstant(started, CallLog.CHINA);
			var folder = dataDir.resolve("recordings").resolve("%d/%02d/%02d".formatted(day.getYear(), day.getMonthValue(),
					day.getDayOfMonth()));
			var suffix = "-" + callId.replaceAll("[^A-Za-z0-9._-]", "_") + ".wav";
			Recording kept = null;
			var ended = started;
			try (var files = Files.exists(folder) ? Files.list(folder) : Stream.<Path>empty()) {
				for (var wav : files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList()) {
					if (Files.exists(wav.resolveSibling(wav.getFileName() + ".sha256"))) continue;
					var finished = SipEngines.finishInterruptedRecording(wav);
					var modified = Files.getLastModifiedTime(wav).toInstant();
					if (modified.isAfter(ended)) ended = modified;
					// the talk (or message) is the call's recording; the IVR's only when there is nothing else
					if (finished.isPresent() && (kept == null || !wav.getFileName().toString().startsWith("ivr-"))) {
						kept = finished.get();
					}
				}
			}
			catch (IOException e) {
				log.warn("Recordings of call {} cut off by a crash could not be finished: {}", callId, e.getMessage());
			}
			callLog.interrupted(callId, ended, kept);
			log.warn("Call {} was cut off by a stop without shutdown; its record is marked INTERRUPTED{}", callId,
					kept == null ? " (no recording)" : ", recording kept: " + kept.length().toSeconds() + " s");
		}
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

	private Path planFile() {
		return settings.planFile() == null || settings.planFile().isBlank()
				? dataDir.resolve("contact").resolve("call-plan.yml") : Path.of(settings.planFile());
	}

	private CallPlan loadPlan() {
		var file = planFile();
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.toAbsolutePath().getParent());
				try (var in = new ClassPathResource("contact/call-plan.yml").getInputStream()) {
					Files.copy(in, file);
				}
			}
			return CallPlanParser.parse(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the call plan " + file, e);
		}
		catch (InvalidFieldException e) {
			throw new IllegalStateException("The call plan " + file + " has a mistake at " + e.field() + ": " + e.getMessage(), e);
		}
	}

	// ---------------------------------------------------------------- calls

	private void handle(Call call) {
		traced(call, new CallTrace(call.id().value(), call.caller(), call.dialled(), now()), FlowRunner::run);
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
		var runner = new FlowRunner(call, trace, this);
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
				callLog.save(trace, now());
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

	@Override
	public CallPlan callPlan() {
		return plan;
	}

	@Override
	public Acd acd() {
		return acd;
	}

	@Override
	public Prompts prompts() {
		return prompts;
	}

	@Override
	public Instant now() {
		return clock.instant();
	}

	@Override
	public boolean isWorkingTime(String hours) {
		var now = ZonedDateTime.now(clock.withZone(CallLog.CHINA));
		if (!calendar.isWorkingDay(now.toLocalDate())) return false;
		var periods = hours == null ? calendar.workingHours() : WorkingHours.parse(hours);
		var time = now.toLocalTime();
		return periods.periods().stream().anyMatch(p -> !time.isBefore(p.start()) && time.isBefore(p.end()));
	}

	@Override
	public String orderStatus(String digits, String caller) {
		if (digits == null || digits.isBlank()) return "没有收到工单编号。";
		var phone = caller == null ? "" : caller.replaceAll("[^0-9]", "");
		var last4 = phone.length() >= 4 ? phone.substring(phone.length() - 4) : "";
		try {
			return status.find("WO" + digits, last4, "ivr:" + phone)
				.map(s -> "工单" + Prompts.spell(digits) + "，当前状态：" + s.stateLabel() + "。"
						+ (s.result() != null && !s.result().isBlank() ? "办理结果：" + s.result() + "。" : ""))
				.orElse("没有查到工单" + Prompts.spell(digits) + "，请核对编号，或确认使用登记时的电话拨打。");
		}
		catch (TooManyRequestsException e) {
			return "查询过于频繁，请稍后再试。";
		}
		catch (RuntimeException e) {
			log.warn("order status lookup for {} failed", digits, e);
			return "暂时无法查询，请稍后再试。";
		}
	}

	@Override
	public Optional<String> voiceMessageOrder(CallTrace trace, Recording message) {
		try {
			ensureServiceAccount();
			var phone = trace.caller == null ? null : trace.caller.replaceAll("[^0-9]", "");
			var ref = dataDir.resolve("recordings").relativize(message.file()).toString();
			var view = runAs.asUser(settings.serviceAccount(), () -> orders.register(new WorkOrders.NewWorkOrder(
					Channel.PHONE, RequestType.CONSULTATION, null, Urgency.NORMAL, "电话留言",
					"市民在非人工时段或坐席繁忙时留言（" + message.length().toSeconds() + " 秒），请回听录音后补充诉求并派单。",
					null, null, phone == null || phone.isBlank() ? null : phone, false, false, null, null, null, null,
					trace.callId, ref, List.of("电话留言"), null)));
			return Optional.of(view.no().value());
		}
		catch (RuntimeException e) {
			log.error("voice message of call {} not registered as an order", trace.callId, e);
			return Optional.empty();
		}
	}

	private synchronized void ensureServiceAccount() {
		if (serviceAccountReady) return;
		var name = settings.serviceAccount();
		runAs.asUser("admin", () -> {
			boolean exists = users.visible(name, null).stream().anyMatch(u -> u.username().equals(name));
			if (!exists) {
				var root = departments.visible().getFirst();
				users.create(new Users.NewUser(name, "语音导航（IVR）", root.id(), Set.of(Role.BOT), null, true));
				log.info("Created service account '{}' for the IVR's orders", name);
			}
			return null;
		});
		serviceAccountReady = true;
	}

	@Override
	public boolean repeatCaller(String caller) {
		return callLog.calledWithin(caller, Duration.ofHours(24));
	}

	@Override
	public void answered(CallTrace trace, Seat seat) {
		tx.executeWithoutResult(s -> events.publishEvent(new CallAnswered(trace.callId, seat.agent(), trace.queue,
				trace.agentAnsweredAt.atOffset(ZoneOffset.UTC))));
	}

	@Override
	public boolean canDial() {
		return engine != null && settings.trunk() != null && !settings.trunk().isBlank();
	}

	@Override
	public void callBackLater(QueuePlan queue, WaitingCall waiting, String number, String callId) {
		queueCallbacks.promise(queue, waiting, number, callId);
	}

	@Override
	public Duration expectedWait(QueuePlan queue, int position) {
		double handle = handleSeconds.getOrDefault(queue.name(), 180.0);
		long staffed = Math.max(1, acd.staffing(queue));
		return Duration.ofSeconds((long) Math.ceil(position * handle / staffed));
	}

	@Override
	public void handled(QueuePlan queue, Duration talk) {
		double seconds = talk.toMillis() / 1000.0 + queue.wrapUp().toSeconds();
		handleSeconds.merge(queue.name(), seconds, (old, now) -> old * 0.9 + now * 0.1);
	}

	// ---------------------------------------------------------------- API

	@Override
	public AgentView saveAgent(String username, AgentAccount account) {
		current.get().require(Permission.CONTACT_ADMIN);
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw new InvalidFieldException("username", "用户名为 2 到 100 个字母、数字、「.」「_」或「-」");
		}
		if (account.extension() == null || !EXTENSION.matcher(account.extension()).matches()) {
			throw new InvalidFieldException("extension", "分机号为 2 到 10 位数字");
		}
		var skills = account.skills() == null ? Map.<String, Integer>of() : account.skills();
		for (var e : skills.entrySet()) {
			if (e.getKey() == null || e.getKey().isBlank() || e.getKey().length() > 50 || e.getKey().matches(".*[,:].*")) {
				throw new InvalidFieldException("skills", "技能名称为 1 到 50 个字符，不含「,」或「:」");
			}
			if (e.getValue() == null || e.getValue() < 1 || e.getValue() > 5) {
				throw new InvalidFieldException("skills." + e.getKey(), "技能等级为 1 到 5");
			}
		}
		var existing = agents.byUsername(username);
		String ha1;
		if (account.password() == null || account.password().isEmpty()) {
			if (existing.isEmpty() || !existing.get().extension().equals(account.extension())) {
				throw new InvalidFieldException("password", "新的 SIP 账号或分机须设置密码");
			}
			ha1 = existing.get().ha1();
		}
		else {
			if (account.password().length() < 8 || account.password().length() > 100) {
				throw new InvalidFieldException("password", "SIP 密码为 8 到 100 个字符");
			}
			ha1 = SubscriberDirectory.ha1(account.extension(), settings.realm(), account.password());
		}
		agents.byExtension(account.extension()).filter(r -> !r.username().equals(username)).ifPresent(r -> {
			throw new ConflictException("分机 " + account.extension() + " 已属于坐席「" + r.username() + "」");
		});
		var row = new AgentRows.Row(username, account.extension(), ha1, Map.copyOf(skills));
		tx.executeWithoutResult(s -> {
			agents.save(row, OffsetDateTime.now(clock));
			audit.record(AuditRecord.of(existing.isEmpty() ? AuditAction.CONTACT_AGENT_CREATED : AuditAction.CONTACT_AGENT_CHANGED,
					"contact_agent", username, "extension=" + account.extension() + ", skills=" + skills
							+ (account.password() == null || account.password().isEmpty() ? "" : ", password set")));
		});
		acd.seat(username, account.extension(), skills);
		return view(acd.seat(username).orElseThrow());
	}

	@Override
	public List<AgentView> agents() {
		current.get().require(Permission.CONTACT_SUPERVISE);
		return acd.seats().stream().map(this::view).toList();
	}

	@Override
	public AgentView agent(String username) {
		mayActFor(username);
		return view(acd.seat(username).orElseThrow(() -> new NotFoundException("坐席", username)));
	}

	private void mayActFor(String username) {
		var actor = current.get();
		if (!(actor.username().equals(username) && actor.can(Permission.CONTACT_AGENT))) {
			actor.require(Permission.CONTACT_SUPERVISE);
		}
	}

	@Override
	public AgentView changeState(String username, AgentState to, String reason) {
		mayActFor(username);
		var seat = acd.seat(username).orElseThrow(() -> new NotFoundException("坐席", username));
		if (to == null) throw new InvalidFieldException("state", "请选择状态：AVAILABLE（空闲）、ON_BREAK（小休）或 LOGGED_OUT（签出）");
		var now = now();
		switch (to) {
			case AVAILABLE -> acd.change(seat, s -> s.state() == AgentState.LOGGED_OUT ? s.login(now) : s.ready(now));
			case ON_BREAK -> {
				if (reason == null || reason.isBlank()) {
					throw new InvalidFieldException("reason", "Say why (e.g. 用餐, 培训, 会议)");
				}
				acd.change(seat, s -> s.takeBreak(reason.strip().length() > 50 ? reason.strip().substring(0, 50) : reason.strip(), now));
			}
			case LOGGED_OUT -> acd.change(seat, s -> s.logout(now));
			default -> throw new InvalidFieldException("state",
					"只能选择 AVAILABLE（空闲）、ON_BREAK（小休）或 LOGGED_OUT（签出）；其他状态随通话变化");
		}
		return view(seat);
	}

	private AgentView view(Seat s) {
		var e = engine;
		return new AgentView(s.agent(), s.extension(), s.skills(), s.state(), s.state().label(), s.reason(),
				s.since().atOffset(ZoneOffset.UTC), e != null && e.registration(s.extension()).isPresent(),
				s.answered(), s.callId());
	}

	@Override
	public List<CallRecord> calls(CallQuery query) {
		var actor = current.get();
		if (actor.can(Permission.CONTACT_SUPERVISE)) {
			boolean unmask = actor.can(Permission.PERSONAL_DATA_UNMASK);
			var records = callLog.list(query, unmask);
			if (unmask && !records.isEmpty()) {
				// callers' numbers in clear are a personal-data read, audited like an unmask
				audit.record(AuditRecord.of(AuditAction.CONTACT_CALLS_READ_UNMASKED, "contact_call", "list",
						records.size() + " calls, from=" + query.from() + ", to=" + query.to() + ", agent=" + query.agent()));
			}
			return records;
		}
		actor.require(Permission.CONTACT_AGENT);
		return callLog.list(new CallQuery(query.from(), query.to(), actor.username(), query.disposition(), query.limit()), false);
	}

	@Override
	public Optional<CallRecord> call(String callId) {
		var actor = current.get();
		boolean unmask = actor.can(Permission.PERSONAL_DATA_UNMASK);
		var record = visibleCall(callId, unmask);
		if (unmask && record.isPresent()) {
			audit.record(AuditRecord.of(AuditAction.CONTACT_CALL_READ_UNMASKED, "contact_call", auditId(callId), null));
		}
		return record;
	}

	/** The call if this actor may see it: supervisors every call, agents their own. */
	private Optional<CallRecord> visibleCall(String callId, boolean unmask) {
		var actor = current.get();
		var record = callLog.find(callId, unmask);
		if (actor.can(Permission.CONTACT_SUPERVISE)) return record;
		actor.require(Permission.CONTACT_AGENT);
		return record.filter(r -> actor.username().equals(r.agent()));
	}

	@Override
	public LiveStats live() {
		current.get().require(Permission.CONTACT_SUPERVISE);
		return figures.now(plan, engine);
	}

	@Override
	public String planYaml() {
		current.get().require(Permission.CONTACT_SUPERVISE);
		return plan.source();
	}

	@Override
	public void replacePlan(String yaml) {
		current.get().require(Permission.CONTACT_ADMIN);
		if (yaml == null || yaml.isBlank()) throw new InvalidFieldException("plan", "请以 YAML 提交呼叫方案");
		var parsed = CallPlanParser.parse(yaml);
		var file = planFile();
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			var temp = Files.createTempFile(file.toAbsolutePath().getParent(), "call-plan", ".part");
			Files.writeString(temp, yaml, StandardCharsets.UTF_8);
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the call plan " + file, e);
		}
		plan = parsed;
		audit.record(AuditRecord.of(AuditAction.CONTACT_PLAN_REPLACED, "contact_plan", file.getFileName().toString(),
				"flows=" + parsed.flows().keySet() + ", queues=" + parsed.queues().keySet()));
	}

	@Override
	public Optional<Integer> sipPort() {
		var e = engine;
		return e == null ? Optional.empty() : Optional.of(e.port());
	}

	@Override
	public Optional<Path> recording(String callId) {
		var file = visibleCall(callId, false).flatMap(r -> callLog.recordingFile(callId)).map(Path::of).filter(Files::exists);
		// who listened to which call is the auditor's business
		file.ifPresent(f -> audit.record(AuditRecord.of(AuditAction.CONTACT_RECORDING_READ, "contact_call", auditId(callId), f.getFileName().toString())));
		return file;
	}

	@Override
	public Optional<LiveCall> liveCall(String callId) {
		return control.liveCall(callId);
	}

	@Override
	public void consult(String callId, String target) {
		control.consult(callId, target);
	}

	@Override
	public void completeTransfer(String callId) {
		control.completeTransfer(callId);
	}

	@Override
	public void conference(String callId) {
		control.conference(callId);
	}

	@Override
	public void endConsult(String callId) {
		control.endConsult(callId);
	}

	@Override
	public void hold(String callId, boolean on) {
		control.hold(callId, on);
	}

	@Override
	public void transfer(String callId, String target) {
		control.transfer(callId, target);
	}

	/** Call-IDs may be longer than the audit's target column: long ones keep their start and a hash. */
	static String auditId(String callId) {
		return LiveCallControl.auditId(callId);
	}

	@Override
	public Optional<LiveCall> currentCall(String username) {
		mayActFor(username);
		return acd.seat(username).map(Seat::callId).flatMap(control::liveCall);
	}
}
