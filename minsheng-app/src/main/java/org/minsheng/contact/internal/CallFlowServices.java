package org.minsheng.contact.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.minsheng.contact.CallAnswered;
import org.minsheng.identity.Departments;
import org.minsheng.identity.Role;
import org.minsheng.identity.RunAs;
import org.minsheng.identity.Users;
import org.minsheng.platform.TooManyRequestsException;
import org.minsheng.sip.CallId;
import org.minsheng.sip.Recording;
import org.minsheng.sla.WorkingCalendar;
import org.minsheng.sla.WorkingHours;
import org.minsheng.workorder.Channel;
import org.minsheng.workorder.PublicStatus;
import org.minsheng.workorder.RequestType;
import org.minsheng.workorder.Urgency;
import org.minsheng.workorder.WorkOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a call's flow asks of the rest of the platform: the plan and the ACD, the working calendar,
 * an order's status for the IVR, a voice message registered as an order, whether the caller called
 * before, the screen pop, the expected wait, and callbacks promised to waiting callers.
 */
final class CallFlowServices implements FlowRunner.Services {

	private static final Logger log = LoggerFactory.getLogger(CallFlowServices.class);

	/** The handling time assumed for a queue before any call of it was handled. */
	private static final double FIRST_HANDLE_SECONDS = 180.0;

	/** Who registers the IVR's orders and looks up statuses; collaborators of the platform. */
	record Platform(WorkingCalendar calendar, PublicStatus.Lookup status, WorkOrders orders, RunAs runAs, Users users,
			Departments departments) {
	}

	private final CallPlans plans;

	private final Acd acd;

	private final Prompts prompts;

	private final Clock clock;

	private final Platform platform;

	private final ContactSettings settings;

	private final Path recordings;

	private final CallLog callLog;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final BooleanSupplier engineUp;

	private final Map<String, Double> handleSeconds = new ConcurrentHashMap<>();

	private volatile QueueCallbacks queueCallbacks;

	private volatile boolean serviceAccountReady;

	CallFlowServices(CallPlans plans, Acd acd, Prompts prompts, Clock clock, Platform platform, ContactSettings settings,
			Path recordings, CallLog callLog, TransactionTemplate tx, ApplicationEventPublisher events,
			BooleanSupplier engineUp) {
		this.plans = plans;
		this.acd = acd;
		this.prompts = prompts;
		this.clock = clock;
		this.platform = platform;
		this.settings = settings;
		this.recordings = recordings;
		this.callLog = callLog;
		this.tx = tx;
		this.events = events;
		this.engineUp = engineUp;
	}

	/** The promised callbacks run calls through these services in turn, so they are joined after both exist. */
	void promisedCallbacks(QueueCallbacks queueCallbacks) {
		this.queueCallbacks = queueCallbacks;
	}

	@Override
	public CallPlan callPlan() {
		return plans.current();
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
		if (!platform.calendar().isWorkingDay(now.toLocalDate())) return false;
		var periods = hours == null ? platform.calendar().workingHours() : WorkingHours.parse(hours);
		var time = now.toLocalTime();
		return periods.periods().stream().anyMatch(p -> !time.isBefore(p.start()) && time.isBefore(p.end()));
	}

	@Override
	public String orderStatus(String digits, String caller) {
		if (digits == null || digits.isBlank()) return "没有收到工单编号。";
		var phone = caller == null ? "" : caller.replaceAll("[^0-9]", "");
		var last4 = phone.length() >= 4 ? phone.substring(phone.length() - 4) : "";
		try {
			return platform.status().find("WO" + digits, last4, "ivr:" + phone)
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
			var ref = recordings.relativize(message.file()).toString();
			var view = platform.runAs().asUser(settings.serviceAccount(), () -> platform.orders().register(
					new WorkOrders.NewWorkOrder(Channel.PHONE, RequestType.CONSULTATION, null, Urgency.NORMAL, "电话留言",
							"市民在非人工时段或坐席繁忙时留言（" + message.length().toSeconds() + " 秒），请回听录音后补充诉求并派单。",
							null, null, phone == null || phone.isBlank() ? null : phone, false, false, null, null, null, null,
							trace.callId.value(), ref, List.of("电话留言"), null)));
			return Optional.of(view.no().value());
		}
		catch (RuntimeException e) {
			log.error("voice message of call {} not registered as an order", trace.callId, e);
			return Optional.empty();
		}
	}

	/** The IVR registers voice messages as its own service account, created on first need. */
	private synchronized void ensureServiceAccount() {
		if (serviceAccountReady) return;
		var name = settings.serviceAccount();
		platform.runAs().asUser("admin", () -> {
			boolean exists = platform.users().visible(name, null).stream().anyMatch(u -> u.username().equals(name));
			if (!exists) {
				var root = platform.departments().visible().getFirst();
				platform.users().create(new Users.NewUser(name, "语音导航（IVR）", root.id(), Set.of(Role.BOT), null, true));
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
		var about = trace.numberProtected ? trace.workOrderNo : null;
		tx.executeWithoutResult(s -> events.publishEvent(new CallAnswered(trace.callId, seat.agent(), trace.queue,
				trace.agentAnsweredAt.atOffset(ZoneOffset.UTC), about)));
	}

	@Override
	public boolean canDial() {
		return engineUp.getAsBoolean() && settings.trunk() != null && !settings.trunk().isBlank();
	}

	@Override
	public void callBackLater(QueuePlan queue, WaitingCall waiting, String number, CallId callId) {
		queueCallbacks.promise(queue, waiting, number, callId);
	}

	@Override
	public Duration expectedWait(QueuePlan queue, int position) {
		double handle = handleSeconds.getOrDefault(queue.name(), FIRST_HANDLE_SECONDS);
		long staffed = Math.max(1, acd.staffing(queue));
		return Duration.ofSeconds((long) Math.ceil(position * handle / staffed));
	}

	/** A moving average of talk plus wrap-up per queue, weighted to the latest calls. */
	@Override
	public void handled(QueuePlan queue, Duration talk) {
		double seconds = talk.toMillis() / 1000.0 + queue.wrapUp().toSeconds();
		handleSeconds.merge(queue.name(), seconds, (old, now) -> old * 0.9 + now * 0.1);
	}
}
