package org.minsheng.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.minsheng.category.Categories;
import org.minsheng.category.Category;
import org.minsheng.identity.DepartmentType;
import org.minsheng.identity.Departments;
import org.minsheng.understanding.Understanding;
import org.minsheng.workorder.RequestType;
import org.minsheng.workorder.SlaStage;
import org.minsheng.workorder.Urgency;
import org.minsheng.workorder.WorkOrderRules;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The SLA table and the responsibility list, for the center's supervisors and system admins. */
@Controller
class RulePages {

	private final WorkOrderRules rules;

	private final Categories categories;

	private final Departments departments;

	private final Understanding understanding;

	private final Clock clock;

	RulePages(WorkOrderRules rules, Categories categories, Departments departments,
			Understanding understanding, Clock clock) {
		this.rules = rules;
		this.categories = categories;
		this.departments = departments;
		this.understanding = understanding;
		this.clock = clock;
	}

	@GetMapping("/console/rules")
	String page(Model model) {
		model.addAttribute("slaRules", rules.slaRules());
		model.addAttribute("responsibilities", rules.responsibilities());
		model.addAttribute("stages", SlaStage.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("requestTypes", RequestType.values());
		model.addAttribute("categories", categories.all().stream().filter(Category::enabled).toList());
		model.addAttribute("departments", departments.visible()
			.stream()
			.filter(d -> d.enabled() && d.type() != DepartmentType.CENTER)
			.toList());
		// this month's automatic dispatch for supervisors, the text models for category admins
		var today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
		readable(() -> model.addAttribute("dispatchFigures", understanding.dispatchFigures(today.withDayOfMonth(1), today)));
		readable(() -> model.addAttribute("models", understanding.models()));
		return "rules";
	}

	/** Shows a part only to those allowed to see it. */
	private static void readable(Runnable part) {
		try {
			part.run();
		}
		catch (AccessDeniedException e) {
			// not theirs to see
		}
	}

	@PostMapping("/console/rules/models/train")
	String train(@RequestParam String kind, RedirectAttributes flash) {
		Flash.run(flash, null, () -> {
			var v = understanding.train(kind);
			flash.addFlashAttribute("success", String.format("已训练%s模型 v%d：%d 条样本，五折交叉验证宏平均F1 %.3f，置信度校准误差 %.3f，%s",
					kindLabel(kind), v.version(), v.examples(), v.macroF1(), v.calibrationError(),
					v.active() ? "已启用" : "不优于当前版本，未启用"));
		});
		return "redirect:/console/rules";
	}

	@PostMapping("/console/rules/models/{kind}/{version}/activate")
	String activate(@PathVariable String kind, @PathVariable int version, RedirectAttributes flash) {
		Flash.run(flash, "已启用" + kindLabel(kind) + "模型 v" + version, () -> understanding.activate(kind, version));
		return "redirect:/console/rules";
	}

	static String kindLabel(String kind) {
		return switch (kind.toUpperCase(Locale.ROOT)) {
			case "CATEGORY" -> "分类";
			case "DEPARTMENT" -> "承办部门";
			case "EMOTION" -> "情绪";
			case "RISK" -> "风险";
			default -> kind;
		};
	}

	@PostMapping("/console/rules/sla")
	String addSla(@RequestParam SlaStage stage, @RequestParam(required = false) Long categoryId,
			@RequestParam(required = false) Urgency urgency, @RequestParam(required = false) RequestType requestType,
			@RequestParam(required = false) Boolean complex, @RequestParam String term, RedirectAttributes flash) {
		Flash.run(flash, "已添加时限规则", () -> rules
			.addSlaRule(new WorkOrderRules.NewSlaRule(stage, categoryId, urgency, requestType, complex, term)));
		return "redirect:/console/rules";
	}

	@PostMapping("/console/rules/sla/{id}/delete")
	String removeSla(@PathVariable long id, RedirectAttributes flash) {
		Flash.run(flash, "已删除时限规则", () -> rules.removeSlaRule(id));
		return "redirect:/console/rules";
	}

	@PostMapping("/console/rules/responsibility")
	String addResponsibility(@RequestParam(required = false) Long categoryId,
			@RequestParam(required = false) String divisionCode, @RequestParam long departmentId,
			@RequestParam(required = false) List<Long> coDepartmentIds, @RequestParam(required = false) String note,
			RedirectAttributes flash) {
		Flash.run(flash, "已添加权责清单条目", () -> rules.addResponsibility(new WorkOrderRules.NewResponsibility(categoryId,
				divisionCode, departmentId, coDepartmentIds == null ? List.of() : coDepartmentIds, note)));
		return "redirect:/console/rules";
	}

	@PostMapping("/console/rules/responsibility/{id}/delete")
	String removeResponsibility(@PathVariable long id, RedirectAttributes flash) {
		Flash.run(flash, "已删除权责清单条目", () -> rules.removeResponsibility(id));
		return "redirect:/console/rules";
	}
}
