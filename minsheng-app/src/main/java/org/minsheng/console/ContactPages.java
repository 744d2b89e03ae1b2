package org.minsheng.console;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.minsheng.contact.AgentState;
import org.minsheng.contact.AgentStateChanged;
import org.minsheng.contact.CallAnswered;
import org.minsheng.contact.ContactCenter;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.identity.RunAs;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.minsheng.sip.CallId;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent desk (坐席工作台: state, screen pop when a call is answered) and the supervisors'
 * wallboard (大屏: queues, service level, agents), both kept live by Server-Sent Events.
 */
@Controller
class ContactPages {

	/** How often the wallboard is refreshed. */
	static final Duration BOARD_EVERY = Duration.ofSeconds(2);

	private final ContactCenter center;

	private final CurrentActor current;

	private final RunAs runAs;

	private final Map<String, List<SseEmitter>> desks = new ConcurrentHashMap<>();

	private final Set<SseEmitter> boards = ConcurrentHashMap.newKeySet();

	ContactPages(ContactCenter center, CurrentActor current, RunAs runAs) {
		this.center = center;
		this.current = current;
		this.runAs = runAs;
	}

	// ---------------------------------------------------------------- desk

	@GetMapping("/console/desk")
	String desk(Model model) {
		var me = current.get().require(Permission.CONTACT_AGENT);
		try {
			model.addAttribute("agent", center.agent(me.username()));
			model.addAttribute("call", center.currentCall(me.username()).orElse(null));
		}
		catch (NotFoundException e) {
			model.addAttribute("agent", null);
		}
		model.addAttribute("sipPort", center.sipPort().orElse(null));
		return "contact-desk";
	}

	@PostMapping("/console/desk/state")
	String state(@RequestParam AgentState state, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		var me = current.get().require(Permission.CONTACT_AGENT);
		Flash.run(flash, null, () -> {
			var view = center.changeState(me.username(), state, reason);
			flash.addFlashAttribute("success", "状态：" + view.stateLabel());
		});
		return "redirect:/console/desk";
	}

	@PostMapping("/console/desk/transfer")
	String transfer(@RequestParam CallId callId, @RequestParam String target, RedirectAttributes flash) {
		current.get().require(Permission.CONTACT_AGENT);
		Flash.run(flash, null, () -> {
			center.transfer(callId, target);
			flash.addFlashAttribute("success", "已转接至 " + target.strip());
		});
		return "redirect:/console/desk";
	}

	@PostMapping("/console/desk/hold")
	String hold(@RequestParam CallId callId, @RequestParam boolean on, RedirectAttributes flash) {
		current.get().require(Permission.CONTACT_AGENT);
		Flash.run(flash, null, () -> {
			center.hold(callId, on);
			flash.addFlashAttribute("success", on ? "来电已保持，市民正在听等待音乐" : "已恢复通话");
		});
		return "redirect:/console/desk";
	}

	/** 咨询 / 转接 / 三方 / 取回 from the desk. */
	@PostMapping("/console/desk/consult")
	String consult(@RequestParam CallId callId, @RequestParam String action, @RequestParam(required = false) String target,
			RedirectAttributes flash) {
		current.get().require(Permission.CONTACT_AGENT);
		Flash.run(flash, null, () -> {
			switch (action) {
				case "start" -> {
					center.consult(callId, target);
					flash.addFlashAttribute("success", "已接通坐席 " + target.strip() + "，市民正在听等待音乐");
				}
				case "transfer" -> {
					center.completeTransfer(callId);
					flash.addFlashAttribute("success", "已转接，来电由被咨询坐席接听");
				}
				case "conference" -> {
					center.conference(callId);
					flash.addFlashAttribute("success", "三方通话中");
				}
				case "end" -> {
					center.endConsult(callId);
					flash.addFlashAttribute("success", "已取回来电");
				}
				default -> throw new InvalidFieldException("action", "操作须为 start（发起）、transfer（转接）、conference（三方）或 end（结束）");
			}
		});
		return "redirect:/console/desk";
	}

	/**
	 * The server is stopping: the live streams end now, so the graceful shutdown does not wait its
	 * full timeout for browsers that would keep them open for hours (their pages reconnect to the
	 * next server by themselves).
	 */
	@EventListener(ContextClosedEvent.class)
	void endStreams() {
		desks.values().forEach(list -> list.forEach(SseEmitter::complete));
		desks.clear();
		boards.forEach(SseEmitter::complete);
		boards.clear();
	}

	@GetMapping(path = "/console/desk/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter deskEvents() {
		var me = current.get().require(Permission.CONTACT_AGENT);
		var emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
		var list = desks.computeIfAbsent(me.username(), k -> new CopyOnWriteArrayList<>());
		list.add(emitter);
		Runnable remove = () -> list.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(e -> remove.run());
		send(emitter, "hello", Map.of("agent", me.username()));
		return emitter;
	}

	/*
	 * The desk's live pushes are shown after the change is committed (AFTER_COMPLETION, not
	 * AFTER_COMMIT): Spring Modulith keeps a publication row for every AFTER_COMMIT listener and
	 * marks it twice, two more durable commits per agent-state change for a push to a browser that
	 * nobody would replay after a restart.
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
	void on(CallAnswered answered) {
		for (var emitter : desks.getOrDefault(answered.agent(), List.of())) {
			send(emitter, "answered", Map.of("callId", answered.callId(), "queue", answered.queue() == null ? "" : answered.queue(),
					"workOrderNo", answered.workOrderNo() == null ? "" : answered.workOrderNo()));
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
	void on(AgentStateChanged changed) {
		for (var emitter : desks.getOrDefault(changed.agent(), List.of())) {
			send(emitter, "state", Map.of("state", changed.to().name(), "label", changed.to().label(), "reason",
					changed.reason() == null ? "" : changed.reason()));
		}
	}

	// ---------------------------------------------------------------- call plan and agents' accounts

	@GetMapping("/console/call-center")
	String callCenter(Model model) {
		current.get().require(Permission.CONTACT_SUPERVISE);
		if (!model.containsAttribute("planText")) model.addAttribute("planText", center.planYaml());
		model.addAttribute("agents", center.agents());
		model.addAttribute("canAdmin", current.get().can(Permission.CONTACT_ADMIN));
		return "contact-admin";
	}

	@PostMapping("/console/call-center/plan")
	String savePlan(@RequestParam String plan, RedirectAttributes flash) {
		try {
			center.replacePlan(plan.replace("\r\n", "\n"));
			flash.addFlashAttribute("success", "呼叫方案已生效");
		}
		catch (InvalidFieldException e) {
			flash.addFlashAttribute("error", "呼叫方案有误（" + e.field() + "）：" + e.getMessage());
			flash.addFlashAttribute("planText", plan);
		}
		return "redirect:/console/call-center";
	}

	@PostMapping("/console/call-center/agents")
	String saveAgent(@RequestParam String username, @RequestParam String extension,
			@RequestParam(required = false) String password, @RequestParam(required = false) String skills,
			RedirectAttributes flash) {
		Flash.run(flash, null, () -> {
			var parsed = new LinkedHashMap<String, Integer>();
			if (skills != null) {
				for (var part : skills.split("[,，\\s]+")) {
					if (part.isBlank()) continue;
					var kv = part.split("[:：]");
					try {
						parsed.put(kv[0].strip(), kv.length > 1 ? Integer.parseInt(kv[1].strip()) : 3);
					}
					catch (NumberFormatException e) {
						throw new InvalidFieldException("skills", "技能写作 名称:等级，如 政策咨询:4");
					}
				}
			}
			center.saveAgent(username.strip(), new ContactCenter.AgentAccount(extension.strip(),
					password == null || password.isEmpty() ? null : password, parsed));
			flash.addFlashAttribute("success", "已保存坐席 " + username.strip() + " 的话机账号");
		});
		return "redirect:/console/call-center";
	}

	// ---------------------------------------------------------------- wallboard

	@GetMapping("/console/wallboard")
	String wallboard(Model model) {
		current.get().require(Permission.CONTACT_SUPERVISE);
		model.addAttribute("live", center.live());
		model.addAttribute("agents", center.agents());
		return "contact-wallboard";
	}

	/** How many refreshes apart the day's trend is sent again (it moves by the quarter hour). */
	static final int TREND_EVERY = 5;

	/** @param trend the day's calls by quarter hour; only in every {@link #TREND_EVERY}th refresh, else null */
	record Board(ContactCenter.LiveStats live, List<ContactCenter.AgentView> agents, List<ContactCenter.TrendSlot> trend) {
	}

	@GetMapping(path = "/console/wallboard/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter boardEvents() {
		var me = current.get().require(Permission.CONTACT_SUPERVISE);
		var emitter = new SseEmitter(Duration.ofHours(12).toMillis());
		boards.add(emitter);
		emitter.onCompletion(() -> boards.remove(emitter));
		emitter.onTimeout(() -> boards.remove(emitter));
		emitter.onError(e -> boards.remove(emitter));
		// one virtual thread per open wallboard, acting as its supervisor, so scope and rights hold
		Thread.ofVirtual().name("wallboard-" + me.username()).start(() -> {
			for (long tick = 0; boards.contains(emitter); tick++) {
				var withTrend = tick % TREND_EVERY == 0;
				try {
					var board = runAs.asUser(me.username(),
							() -> new Board(center.live(), center.agents(), withTrend ? center.todayTrend() : null));
					if (!send(emitter, "board", board)) break;
					Thread.sleep(BOARD_EVERY);
				}
				catch (InterruptedException e) {
					break;
				}
				catch (RuntimeException e) {
					emitter.completeWithError(e);
					break;
				}
			}
			boards.remove(emitter);
		});
		return emitter;
	}

	private boolean send(SseEmitter emitter, String name, Object data) {
		try {
			emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
			return true;
		}
		catch (IOException | IllegalStateException e) {
			emitter.completeWithError(e);
			return false;
		}
	}
}
