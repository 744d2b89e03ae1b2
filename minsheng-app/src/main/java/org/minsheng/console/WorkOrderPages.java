package org.minsheng.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.minsheng.category.Categories;
import org.minsheng.category.Category;
import org.minsheng.contact.ContactCenter;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Department;
import org.minsheng.identity.DepartmentId;
import org.minsheng.identity.DepartmentType;
import org.minsheng.identity.Departments;
import org.minsheng.identity.Permission;
import org.minsheng.platform.Downloads;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.minsheng.region.Division;
import org.minsheng.region.DivisionCode;
import org.minsheng.region.Divisions;
import org.minsheng.sip.CallId;
import org.minsheng.workorder.Attachments;
import org.minsheng.workorder.Channel;
import org.minsheng.workorder.RequestType;
import org.minsheng.workorder.ResultType;
import org.minsheng.workorder.Satisfaction;
import org.minsheng.workorder.SupervisionKind;
import org.minsheng.workorder.Urgency;
import org.minsheng.workorder.WorkOrderAction;
import org.minsheng.workorder.WorkOrderLimits;
import org.minsheng.workorder.WorkOrderNo;
import org.minsheng.workorder.WorkOrderQuery;
import org.minsheng.workorder.WorkOrderState;
import org.minsheng.workorder.WorkOrders;
import org.minsheng.workorder.WorkOrderView;
import org.minsheng.knowledge.ArticleId;
import org.minsheng.knowledge.ArticleType;
import org.minsheng.knowledge.KnowledgeBase;
import org.minsheng.knowledge.SearchHit;
import org.minsheng.knowledge.SearchRequest;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The work-order pages: register, lists and boards, the order with its steps, the department inbox. */
@Controller
class WorkOrderPages {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final WorkOrders orders;

	private final Categories categories;

	private final Departments departments;

	private final Divisions divisions;

	private final CurrentActor current;

	private final Attachments attachments;

	private final ContactCenter contact;

	private final KnowledgeBase knowledge;

	WorkOrderPages(ContactCenter contact, WorkOrders orders, Categories categories, Departments departments, Divisions divisions,
			CurrentActor current, Attachments attachments, KnowledgeBase knowledge) {
		this.knowledge = knowledge;
		this.attachments = attachments;
		this.contact = contact;
		this.orders = orders;
		this.categories = categories;
		this.departments = departments;
		this.divisions = divisions;
		this.current = current;
	}

	private List<SearchHit> replyTemplates(WorkOrderView view) {
		var text = (view.title() + " " + (view.content() == null ? "" : view.content())).strip();
		if (text.length() > 500) text = text.substring(0, 500);
		try {
			return knowledge.search(new SearchRequest(text, 8, ArticleType.SCRIPT, null, null, null, "ASSIST"));
		}
		catch (RuntimeException e) {
			return List.of();
		}
	}

	/**
	 * A reply template with the order's facts put in ({order_no}, {order_title}, {department} the
	 * replying department, {today}, {hotline}; the citizen as 市民, whose name the department may not
	 * see), as plain text for the reply box (添加到答复内容).
	 */
	@GetMapping(path = "/console/work-orders/{no}/reply-templates/{id}", produces = "text/plain;charset=UTF-8")
	@ResponseBody
	String replyTemplate(@PathVariable String no, @PathVariable long id) {
		var view = orders.find(WorkOrderNo.fromPath(no)).orElseThrow(() -> new NotFoundException("工单", no));
		var actor = current.get().require(Permission.KNOWLEDGE_READ);
		var article = knowledge.find(new ArticleId(id))
			.filter(a -> a.type() == ArticleType.SCRIPT)
			.orElseThrow(() -> new NotFoundException("回复模板", id));
		var text = knowledge.answerText(new ArticleId(article.id())).orElse("");
		var department = departments.find(actor.departmentId()).map(d -> d.name()).orElse("");
		return text.replace("{order_no}", view.no().value())
			.replace("{order_title}", view.title())
			.replace("{department}", department)
			.replace("{citizen_title}", "市民").replace("{citizen_name}", "市民")
			.replace("{agent_name}", actor.displayName()).replace("{agent_no}", actor.username())
			.replace("{today}", LocalDate.now(SHANGHAI).toString())
			.replace("{hotline}", "12345");
	}

	// ---- register ------------------------------------------------------------------------------

	@GetMapping("/console/work-orders/new")
	String registerForm(@RequestParam(required = false) String callId, Model model) {
		// from the agent desk's screen pop: the call's number and the call itself go with the order
		if (callId != null && !callId.isBlank()) {
			var id = new CallId(callId.strip());
			contact.liveCall(id).or(() -> contact.call(id).map(r -> new ContactCenter.LiveCall(
					r.callId(), r.caller(), r.dialled(), r.queue(), r.agent(), r.startedAt(), r.agentAnsweredAt(), false, null, false)))
				.ifPresent(call -> model.addAttribute("call", call));
		}
		model.addAttribute("channels", Channel.values());
		model.addAttribute("requestTypes", RequestType.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("categoryGroups", categoryGroups());
		model.addAttribute("provinces", divisions.provinces());
		if (!model.containsAttribute("form")) model.addAttribute("form", Map.of());
		model.addAttribute("contentLimit", WorkOrderLimits.CONTENT);
		return "workorder-new";
	}

	@PostMapping("/console/work-orders")
	String register(@RequestParam Channel channel, @RequestParam RequestType requestType,
			@RequestParam(required = false) Long categoryId, @RequestParam Urgency urgency, @RequestParam String title,
			@RequestParam String content, @RequestParam(required = false) String callerName,
			@RequestParam(required = false) String callerPhone, @RequestParam(defaultValue = "false") boolean anonymous,
			@RequestParam(defaultValue = "false") boolean confidential, @RequestParam(required = false) String address,
			@RequestParam(required = false) String divisionCode, @RequestParam(required = false) String answerOnSpot,
			@RequestParam(defaultValue = "register") String action, @RequestParam(required = false) String callId,
			@RequestParam Map<String, String> typed, RedirectAttributes flash) {
		var created = new String[1];
		var call = blank(callId);
		boolean closeOnSpot = action.equals("close");
		Flash.run(flash, null, () -> {
			if (closeOnSpot && blank(answerOnSpot) == null) {
				throw new InvalidFieldException("answerOnSpot", "即时办结须填写答复内容；没有答复的诉求请点「登记并转派单」");
			}
			var view = orders.register(new WorkOrders.NewWorkOrder(channel, requestType, categoryId, urgency, title,
					content, null, callerName, callerPhone, anonymous, confidential, address, blank(divisionCode), null,
					null, call, call == null ? null : "call:" + call, List.of(), closeOnSpot ? answerOnSpot : null));
			created[0] = view.no().value();
			flash.addFlashAttribute("success", "已登记工单 " + view.no() + "（" + view.stateLabel() + "）");
		});
		if (created[0] != null) return "redirect:/console/work-orders/" + created[0];
		// refused: the form comes back as it was typed (every field as posted), the mistake named beside its field
		flash.addFlashAttribute("form", typed);
		return call == null ? "redirect:/console/work-orders/new"
				: "redirect:/console/work-orders/new?callId=" + URLEncoder.encode(call, StandardCharsets.UTF_8);
	}

	/** Options of the division below {@code parent}, for the cascading pickers (htmx). */
	@GetMapping("/console/divisions/options")
	String divisionOptions(@RequestParam(required = false) String parent, Model model) {
		model.addAttribute("options", parent == null || parent.isBlank() || !DivisionCode.isWellFormed(parent)
				? List.of() : divisions.children(new DivisionCode(parent)));
		return "workorder-fragments :: division-options";
	}

	/** One picker of the chain: its options and the one chosen. */
	record PickerLevel(String selected, List<PickerOption> options) {
	}

	record PickerOption(String code, String name) {
	}

	/**
	 * The cascading pickers set to a division (the region the analysis found, or the one the form
	 * came back with): for each level down to the division, its options and the one chosen.
	 */
	@GetMapping(path = "/console/divisions/chain", produces = "application/json")
	@ResponseBody
	List<PickerLevel> divisionChain(@RequestParam String code) {
		if (!DivisionCode.isWellFormed(code)) throw new InvalidFieldException("code", "区划代码格式不正确：" + code);
		var path = divisions.path(new DivisionCode(code));
		var levels = new ArrayList<PickerLevel>();
		List<Division> options = divisions.provinces();
		for (var step : path) {
			levels.add(new PickerLevel(step.code().value(),
					options.stream().map(d -> new PickerOption(d.code().value(), d.name())).toList()));
			options = divisions.children(step.code());
		}
		if (!options.isEmpty() && levels.size() < 4) {
			levels.add(new PickerLevel("", options.stream().map(d -> new PickerOption(d.code().value(), d.name())).toList()));
		}
		return levels;
	}

	/** The caller's earlier orders, shown beside the form while the agent types the number (htmx). */
	@GetMapping("/console/work-orders/history")
	String history(@RequestParam(name = "callerPhone", required = false) String phone, Model model) {
		var digits = phone == null ? "" : phone.replaceAll("\\D", "");
		model.addAttribute("history", digits.length() < 7 ? List.of() : orders.callerHistory(phone));
		model.addAttribute("phone", digits);
		return "workorder-fragments :: history";
	}

	// ---- lists ---------------------------------------------------------------------------------

	@GetMapping("/console/work-orders")
	String list(@RequestParam(required = false) Set<WorkOrderState> state,
			@RequestParam(required = false) Long departmentId, @RequestParam(required = false) Long categoryId,
			@RequestParam(required = false) Urgency urgency, @RequestParam(required = false) WorkOrderQuery.Due due,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "false") boolean supervised, @RequestParam(defaultValue = "0") int page,
			Model model) {
		var query = query(state, departmentId, categoryId, urgency, due, from, to, phone, q, supervised, page, 50);
		model.addAttribute("page", orders.list(query));
		model.addAttribute("query", query);
		model.addAttribute("states", WorkOrderState.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("categoryGroups", categoryGroups());
		model.addAttribute("departments", departments.visible());
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("exportQuery", exportQuery(state, departmentId, categoryId, urgency, due, from, to, phone, q,
				supervised));
		model.addAttribute("title", supervised ? "督办看板" : due == WorkOrderQuery.Due.OVERDUE ? "超期看板" : "工单查询");
		return "workorders";
	}

	static WorkOrderQuery query(Set<WorkOrderState> state, Long departmentId, Long categoryId, Urgency urgency,
			WorkOrderQuery.Due due, LocalDate from, LocalDate to, String phone, String q, boolean supervised,
			int page, int size) {
		return new WorkOrderQuery(state, departmentId == null ? null : new DepartmentId(departmentId), categoryId,
				urgency, due, null, from == null ? null : from.atStartOfDay(SHANGHAI).toOffsetDateTime(),
				to == null ? null : to.plusDays(1).atStartOfDay(SHANGHAI).toOffsetDateTime(), blank(phone), blank(q),
				supervised, page, size);
	}

	private static String exportQuery(Set<WorkOrderState> state, Long departmentId, Long categoryId, Urgency urgency,
			WorkOrderQuery.Due due, LocalDate from, LocalDate to, String phone, String q, boolean supervised) {
		var parts = new ArrayList<String>();
		if (state != null) {
			state.forEach(s -> parts.add("state=" + s));
		}
		add(parts, "departmentId", departmentId);
		add(parts, "categoryId", categoryId);
		add(parts, "urgency", urgency);
		add(parts, "due", due);
		add(parts, "from", from);
		add(parts, "to", to);
		add(parts, "phone", blank(phone));
		add(parts, "q", blank(q) == null ? null : URLEncoder.encode(q, StandardCharsets.UTF_8));
		if (supervised) {
			parts.add("supervised=true");
		}
		return String.join("&", parts);
	}

	private static void add(List<String> parts, String name, Object value) {
		if (value != null) {
			parts.add(name + "=" + value);
		}
	}

	@GetMapping("/console/inbox")
	String inbox(@RequestParam(defaultValue = "TO_SIGN") WorkOrders.InboxBox box,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("box", box);
		model.addAttribute("boxes", WorkOrders.InboxBox.values());
		model.addAttribute("page", orders.inbox(box, page, 50));
		return "inbox";
	}

	@PostMapping("/console/inbox/sign")
	String signAll(@RequestParam(required = false) List<String> orderNos, RedirectAttributes flash) {
		Flash.run(flash, null, () -> {
			var numbers = (orderNos == null ? List.<String>of() : orderNos).stream().map(WorkOrderNo::new).toList();
			var result = orders.signAll(numbers);
			flash.addFlashAttribute("success", "已签收 " + result.done().size() + " 件"
					+ (result.failed().isEmpty() ? "" : "，" + result.failed().size() + " 件未能签收"));
		});
		return "redirect:/console/inbox?box=IN_PROGRESS";
	}

	// ---- one order -----------------------------------------------------------------------------

	@GetMapping("/console/work-orders/{no}")
	String order(@PathVariable String no, Model model) {
		var number = WorkOrderNo.fromPath(no);
		var view = orders.find(number).orElseThrow(() -> new NotFoundException("工单", no));
		var actor = current.get();
		model.addAttribute("order", view);
		if (!model.containsAttribute("typed")) model.addAttribute("typed", Map.of());
		model.addAttribute("timeline", orders.timeline(number));
		// the call the order came from, for those who may hear calls (supervisors; agents their own)
		var me = current.get();
		model.addAttribute("canSeeCalls", view.callId() != null
				&& (me.can(Permission.CONTACT_SUPERVISE) || me.can(Permission.CONTACT_AGENT)));
		model.addAttribute("resultTypes", ResultType.values());
		model.addAttribute("satisfactions", Satisfaction.values());
		model.addAttribute("supervisionKinds", SupervisionKind.values());
		var visible = departments.visible();
		model.addAttribute("dispatchTargets", visible.stream()
			.filter(d -> d.enabled() && d.type() != DepartmentType.CENTER)
			.toList());
		model.addAttribute("below", visible.stream()
			.filter(d -> d.enabled() && d.path().startsWith(ownPath(visible, actor.departmentId()))
					&& !d.id().equals(actor.departmentId()))
			.toList());
		model.addAttribute("suggestions",
				view.allowedActions().contains(WorkOrderAction.DISPATCH) ? orders.suggestions(number) : List.of());
		// the department's own open assignment, for the panel's words (承办 or 协办, 办结反馈 or 回复上级)
		var mine = view.assignments()
			.stream()
			.filter(a -> a.department().id() == actor.departmentId().value()
					&& (a.state().equals("DISPATCHED") || a.state().equals("SIGNED")))
			.reduce((a, b) -> b.level() >= a.level() ? b : a);
		model.addAttribute("mine", mine.orElse(null));
		model.addAttribute("knowledgeAssist", actor.can(Permission.KNOWLEDGE_READ));
		// reply templates (话术模板 of the knowledge base), the ones nearest the order's text first
		model.addAttribute("replyTemplates", view.allowedActions().contains(WorkOrderAction.REPLY)
				&& actor.can(Permission.KNOWLEDGE_READ) ? replyTemplates(view) : List.of());
		// the order's calls, and calling the citizen without seeing the number (agents who call back)
		boolean hearsCalls = me.can(Permission.CONTACT_SUPERVISE) || me.can(Permission.CONTACT_AGENT);
		model.addAttribute("calls", hearsCalls ? contact.callsOf(number) : null);
		boolean hasNumber = view.caller() != null && view.caller().phone() != null && view.state().open();
		model.addAttribute("canCallCitizen", me.can(Permission.CONTACT_AGENT) && me.can(Permission.WORKORDER_CALLBACK)
				&& hasNumber);
		// a department handler is called on their own phone first (号码隐私保护)
		model.addAttribute("canCallCitizenFrom", !me.can(Permission.CONTACT_AGENT) && me.can(Permission.WORKORDER_HANDLE)
				&& hasNumber);
		return "workorder";
	}

	private static String ownPath(List<Department> visible, DepartmentId own) {
		return visible.stream().filter(d -> d.id().equals(own)).map(Department::path).findFirst().orElse("/none/");
	}

	/** The reply with the files chosen in the form: each file is added to the order, then handed in with the reply. */
	@PostMapping(path = "/console/work-orders/{no}/reply", consumes = "multipart/form-data")
	String replyWithFiles(@PathVariable String no, @RequestParam(required = false) String resultType,
			@RequestParam String content,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			RedirectAttributes flash) {
		var n = WorkOrderNo.fromPath(no);
		Flash.run(flash, "已完成：回复", () -> {
			var ids = new ArrayList<Long>();
			for (var file : files == null ? List.<MultipartFile>of() : files) {
				if (file.isEmpty()) {
					continue;
				}
				try (var in = file.getInputStream()) {
					ids.add(attachments.add(n, file.getOriginalFilename(), file.getContentType(), in).id());
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
			orders.reply(n, blank(resultType) == null ? null : ResultType.valueOf(resultType), content, ids);
		});
		keepTyped(flash, "reply", java.util.Collections.singletonMap("content", content));
		return "redirect:/console/work-orders/" + no;
	}

	/** A file of the order, for the logged-in console user (the REST API needs a token). */
	@GetMapping("/console/work-orders/{no}/attachments/{id}")
	ResponseEntity<InputStreamResource> file(@PathVariable String no,
			@PathVariable long id) {
		var download = attachments.open(WorkOrderNo.fromPath(no), id);
		var a = download.attachment();
		return Downloads.attachment(a.fileName(), a.contentType(), a.size(), a.sha256(),
				download.content());
	}

	/** Click-to-call: the center calls the citizen and rings the agent's phone; the number stays hidden. */
	@PostMapping("/console/work-orders/{no}/citizen-call")
	String callCitizen(@PathVariable String no, @RequestParam(required = false) String ownPhone, RedirectAttributes flash) {
		var n = WorkOrderNo.fromPath(no);
		if (ownPhone == null) {
			Flash.run(flash, "正在呼叫市民，市民接听后将振铃您的话机", () -> contact.callCitizen(n));
		}
		else {
			// a handler's own phone is called first; what was typed comes back if it is refused
			Flash.run(flash, "正在呼叫您的电话，接听后将为您接通市民", () -> contact.callCitizenFrom(n, ownPhone));
			flash.addFlashAttribute("ownPhone", ownPhone);
		}
		return "redirect:/console/work-orders/" + n.value();
	}

	@PostMapping("/console/work-orders/{no}/{step}")
	String step(@PathVariable String no, @PathVariable String step, @RequestParam Map<String, String> form,
			@RequestParam(required = false) List<Long> coDepartmentIds, RedirectAttributes flash) {
		var n = WorkOrderNo.fromPath(no);
		Flash.run(flash, "已完成：" + label(step), () -> {
			switch (step) {
				case "dispatch" -> orders.dispatch(n, dispatch(form, coDepartmentIds));
				case "reassign" -> orders.reassign(n, dispatch(form, coDepartmentIds));
				case "sign" -> orders.sign(n);
				case "return" -> orders.returnOrder(n, form.get("reason"));
				case "dispatch-below" -> orders.dispatchBelow(n, new DepartmentId(Long.parseLong(form.get("departmentId"))),
						form.get("comment"));
				case "reply" -> orders.reply(n, blank(form.get("resultType")) == null ? null
						: ResultType.valueOf(form.get("resultType")), form.get("content"), List.of());
				case "review" -> orders.review(n, Boolean.parseBoolean(form.get("approve")), form.get("comment"));
				case "callback" -> orders.callback(n, Satisfaction.valueOf(form.get("satisfaction")), form.get("note"));
				case "extension" -> orders.requestExtension(n, form.get("reason"), deadline(form.get("deadline")));
				case "extension-decision" -> orders.decideExtension(n, Boolean.parseBoolean(form.get("approve")),
						form.get("comment"));
				case "supervision" -> orders.supervise(n, SupervisionKind.valueOf(form.get("kind")), form.get("note"));
				case "merge" -> orders.merge(n, WorkOrderNo.fromPath(form.get("masterNo").strip()));
				case "withdraw" -> orders.withdraw(n, form.get("reason"));
				default -> throw new NotFoundException("操作", step);
			}
		});
		keepTyped(flash, step, form);
		return "redirect:/console/work-orders/" + no;
	}

	/**
	 * A refused step's form comes back as typed: its fields, keyed "step.field", for the order page
	 * to put back into the form that was sent (files excepted: a browser never lets a page fill them).
	 */
	private static void keepTyped(RedirectAttributes flash, String step, Map<String, String> form) {
		if (!flash.getFlashAttributes().containsKey("error")) return;
		var typed = new java.util.HashMap<String, String>();
		form.forEach((field, value) -> {
			if (!field.equals("_csrf") && value != null) typed.put(step + "." + field, value);
		});
		flash.addFlashAttribute("typed", typed);
	}

	/** The extension's new deadline as the picker writes it (2026-12-08T18:00), in Asia/Shanghai. */
	private static java.time.OffsetDateTime deadline(String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidFieldException("deadline", "请选择延期后的办理时限");
		}
		try {
			return LocalDateTime.parse(value.strip()).atZone(SHANGHAI).toOffsetDateTime();
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new InvalidFieldException("deadline", "办理时限应为日期和时间，如 2026-12-08 18:00");
		}
	}

	private static WorkOrders.Dispatch dispatch(Map<String, String> form, List<Long> co) {
		var lead = blank(form.get("leadDepartmentId"));
		return new WorkOrders.Dispatch(lead == null ? null : new DepartmentId(Long.parseLong(lead)),
				co == null ? List.of() : co.stream().map(DepartmentId::new).toList(), form.get("comment"),
				"true".equals(form.get("complex")));
	}

	private static String label(String step) {
		return switch (step) {
			case "dispatch" -> "派单";
			case "reassign" -> "改派";
			case "sign" -> "签收";
			case "return" -> "退单";
			case "dispatch-below" -> "下派";
			case "reply" -> "回复";
			case "review" -> "审核";
			case "callback" -> "回访";
			case "extension" -> "延期申请";
			case "extension-decision" -> "延期审批";
			case "supervision" -> "督办";
			case "merge" -> "并单";
			case "withdraw" -> "撤单";
			default -> step;
		};
	}

	/** Level-3 categories (and childless ones) grouped under their level-1 name, for one searchable select. */
	private Map<String, List<Category>> categoryGroups() {
		var all = categories.all().stream().filter(Category::enabled).toList();
		var hasChildren = all.stream().map(Category::parentId).filter(Objects::nonNull)
			.collect(Collectors.toSet());
		var groups = new LinkedHashMap<String, List<Category>>();
		for (var c : all) {
			if (!hasChildren.contains(c.id())) {
				groups.computeIfAbsent(c.path().split("/")[0], k -> new ArrayList<>()).add(c);
			}
		}
		return groups;
	}


	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
