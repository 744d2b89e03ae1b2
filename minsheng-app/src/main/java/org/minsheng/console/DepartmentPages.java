package org.minsheng.console;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.minsheng.identity.DepartmentId;
import org.minsheng.identity.DepartmentType;
import org.minsheng.identity.Departments;
import org.minsheng.region.DivisionCode;
import org.minsheng.region.Divisions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/console/departments")
class DepartmentPages {

	private final Departments departments;

	private final Divisions divisions;

	DepartmentPages(Departments departments, Divisions divisions) {
		this.departments = departments;
		this.divisions = divisions;
	}

	@GetMapping
	String list(Model model) {
		var all = departments.visible();
		model.addAttribute("departments", all);
		model.addAttribute("types", Arrays.asList(DepartmentType.values()));
		model.addAttribute("divisionNames", all.stream()
			.filter(d -> d.divisionCode() != null)
			.collect(Collectors.toMap(d -> d.id().value(),
					d -> divisions.fullName(new DivisionCode(d.divisionCode())), (a, b) -> a)));
		return "departments";
	}

	@PostMapping
	String create(@RequestParam String name, @RequestParam DepartmentType type, @RequestParam long parentId,
			@RequestParam(required = false) String divisionCode, RedirectAttributes flash) {
		Flash.run(flash, "已创建部门 " + name, () -> departments.create(new Departments.NewDepartment(name, type,
				new DepartmentId(parentId), divisionCode == null || divisionCode.isBlank() ? null : divisionCode)));
		return "redirect:/console/departments";
	}

	@PostMapping("/{id}/move")
	String move(@PathVariable long id, @RequestParam long parentId, RedirectAttributes flash) {
		Flash.run(flash, "已移动部门", () -> departments.move(new DepartmentId(id), new DepartmentId(parentId)));
		return "redirect:/console/departments";
	}

	@PostMapping("/{id}/rename")
	String rename(@PathVariable long id, @RequestParam String name, RedirectAttributes flash) {
		Flash.run(flash, "已重命名", () -> departments.rename(new DepartmentId(id), name));
		return "redirect:/console/departments";
	}

	@PostMapping("/{id}/enabled")
	String enabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes flash) {
		Flash.run(flash, enabled ? "已启用" : "已停用", () -> departments.setEnabled(new DepartmentId(id), enabled));
		return "redirect:/console/departments";
	}
}
