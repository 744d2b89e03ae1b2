package org.minsheng.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Puts the navigation of the logged-in user on every console page, and turns what a page could not
 * do into the console's error page: an id that does not exist, is malformed or lies outside the
 * user's scope is the same 404 (nothing tells "not there" from "not yours"), a bad filter value a
 * 400 that says which, and nothing a person can type a 500.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
class ConsoleAdvice {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConsoleAdvice.class);

	@ExceptionHandler({ NotFoundException.class,
			NoResourceFoundException.class })
	ModelAndView notFound(Exception e) {
		return page(HttpStatus.NOT_FOUND, null);
	}

	/** A path id of the wrong type is an id that does not exist; a query value of the wrong type is a bad filter. */
	@ExceptionHandler(
			MethodArgumentTypeMismatchException.class)
	ModelAndView mismatch(
			MethodArgumentTypeMismatchException e) {
		if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return page(HttpStatus.NOT_FOUND, null);
		}
		return page(HttpStatus.BAD_REQUEST, "参数 " + e.getName() + " 的值不合法：" + e.getValue());
	}

	@ExceptionHandler({ InvalidFieldException.class,
			MissingServletRequestParameterException.class,
			jakarta.validation.ConstraintViolationException.class, IllegalArgumentException.class })
	ModelAndView badRequest(Exception e) {
		var message = e instanceof MissingServletRequestParameterException missing
				? "缺少参数 " + missing.getParameterName() : e.getMessage();
		return page(HttpStatus.BAD_REQUEST, message);
	}

	private ModelAndView page(HttpStatus status, String message) {
		var page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("message", message);
		page.addObject("nav", nav());
		page.addObject("menu", menu());
		page.addObject("me", me());
		if (status.is5xxServerError()) log.error("Console page failed: {}", message);
		return page;
	}

	/** One entry of the menu; {@code section} is the group it sits under in the sidebar (null for the home page). */
	record NavItem(String href, String label, String key, String section) {
	}

	/** A group of the sidebar, under its title (none for the home page's group). */
	record NavSection(String title, List<NavItem> items) {
	}

	private final CurrentActor current;

	ConsoleAdvice(CurrentActor current) {
		this.current = current;
	}

	/** The person's menu, in the sidebar's order; the home page's tiles are the same items. */
	@ModelAttribute("nav")
	List<NavItem> nav() {
		return current.find().map(actor -> {
			var items = new ArrayList<NavItem>();
			items.add(new NavItem("/", "工作台", "home", null));
			var orders = "工单处理";
			if (actor.can(Permission.WORKORDER_REGISTER)) {
				items.add(new NavItem("/console/work-orders/new", "登记工单", "register", orders));
			}
			if (actor.can(Permission.WORKORDER_HANDLE)) {
				items.add(new NavItem("/console/inbox", "待办", "inbox", orders));
			}
			if (actor.can(Permission.WORKORDER_DISPATCH)) {
				items.add(new NavItem("/console/work-orders?state=PENDING_DISPATCH&state=RETURNED", "待派单", "dispatch", orders));
			}
			if (actor.can(Permission.WORKORDER_REVIEW)) {
				items.add(new NavItem("/console/work-orders?state=REPLIED", "待审核", "review", orders));
			}
			if (actor.can(Permission.WORKORDER_CALLBACK)) {
				items.add(new NavItem("/console/work-orders?state=PENDING_CALLBACK", "待回访", "callback", orders));
			}
			if (actor.can(Permission.WORKORDER_READ)) {
				items.add(new NavItem("/console/work-orders", "工单查询", "orders", orders));
			}
			if (actor.can(Permission.WORKORDER_SUPERVISE)) {
				items.add(new NavItem("/console/work-orders?supervised=true", "督办看板", "supervision", orders));
				items.add(new NavItem("/console/work-orders?due=OVERDUE", "超期看板", "overdue", orders));
			}
			var calls = "话务";
			if (actor.can(Permission.CONTACT_AGENT)) {
				items.add(new NavItem("/console/desk", "坐席", "desk", calls));
			}
			if (actor.can(Permission.CONTACT_AGENT) || actor.can(Permission.CONTACT_SUPERVISE)) {
				items.add(new NavItem("/console/calls", "通话记录", "calls", calls));
			}
			if (actor.can(Permission.CONTACT_SUPERVISE)) {
				items.add(new NavItem("/console/wallboard", "监控大屏", "wallboard", calls));
				items.add(new NavItem("/console/call-center", "呼叫中心", "call-center", calls));
			}
			if (actor.can(Permission.KNOWLEDGE_READ)) {
				items.add(new NavItem("/console/knowledge", "知识库", "knowledge", "知识"));
			}
			var system = "系统管理";
			if (actor.can(Permission.DEPARTMENT_READ)) {
				items.add(new NavItem("/console/departments", "部门管理", "departments", system));
			}
			if (actor.can(Permission.USER_READ)) {
				items.add(new NavItem("/console/users", "用户管理", "users", system));
			}
			if (actor.can(Permission.SLA_ADMIN)) {
				items.add(new NavItem("/console/rules", "规则配置", "rules", system));
			}
			if (actor.can(Permission.AUDIT_READ)) {
				items.add(new NavItem("/console/audit", "审计日志", "audit", system));
			}
			return List.copyOf(items);
		}).orElse(List.of());
	}

	/** The sidebar: the menu's items grouped by section, in order of first appearance. */
	@ModelAttribute("menu")
	List<NavSection> menu() {
		var sections = new LinkedHashMap<String, List<NavItem>>();
		for (var item : nav()) {
			sections.computeIfAbsent(item.section() == null ? "" : item.section(), k -> new ArrayList<>()).add(item);
		}
		return sections.entrySet()
			.stream()
			.map(e -> new NavSection(e.getKey().isEmpty() ? null : e.getKey(), List.copyOf(e.getValue())))
			.toList();
	}

	@ModelAttribute("me")
	Object me() {
		return current.find().orElse(null);
	}
}
