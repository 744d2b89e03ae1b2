package org.minsheng.workorder.internal;

import java.util.List;

import org.minsheng.category.Categories;
import org.minsheng.identity.DepartmentDirectory;
import org.minsheng.region.DivisionCode;
import org.minsheng.region.Divisions;
import org.minsheng.workorder.WorkOrderRules;
import org.springframework.stereotype.Service;

@Service
class WorkOrderRulesService implements WorkOrderRules {

	private final SlaRuleBook slaRules;

	private final ResponsibilityList responsibilities;

	private final Categories categories;

	private final DepartmentDirectory directory;

	private final Divisions divisions;

	WorkOrderRulesService(SlaRuleBook slaRules, ResponsibilityList responsibilities, Categories categories,
			DepartmentDirectory directory, Divisions divisions) {
		this.slaRules = slaRules;
		this.responsibilities = responsibilities;
		this.categories = categories;
		this.directory = directory;
		this.divisions = divisions;
	}

	@Override
	public List<SlaRuleView> slaRules() {
		return slaRules.rules().stream().map(this::view).toList();
	}

	@Override
	public SlaRuleView addSlaRule(NewSlaRule r) {
		return view(slaRules.add(r.stage(), r.categoryId(), r.urgency(), r.requestType(), r.complex(), r.term()));
	}

	@Override
	public void removeSlaRule(long id) {
		slaRules.remove(id);
	}

	@Override
	public List<ResponsibilityView> responsibilities() {
		return responsibilities.rules().stream().map(this::view).toList();
	}

	@Override
	public ResponsibilityView addResponsibility(NewResponsibility r) {
		var code = r.divisionCode() == null || r.divisionCode().isBlank() ? null : r.divisionCode().strip();
		return view(responsibilities.add(r.categoryId(), code, r.departmentId(), r.coDepartmentIds(), r.note()));
	}

	@Override
	public void removeResponsibility(long id) {
		responsibilities.remove(id);
	}

	private SlaRuleView view(SlaRule r) {
		return new SlaRuleView(r.id(), r.stage(), r.categoryId(), path(r.categoryId()), r.urgency(), r.requestType(),
				r.complex(), r.term().toString(), r.term().label());
	}

	private ResponsibilityView view(ResponsibilityList.Rule r) {
		var division = r.divisionCode() == null || !DivisionCode.isWellFormed(r.divisionCode()) ? null
				: divisions.fullName(new DivisionCode(r.divisionCode()));
		var department = directory.names(List.of(r.departmentId())).get(r.departmentId());
		return new ResponsibilityView(r.id(), r.categoryId(), path(r.categoryId()), r.divisionCode(), division,
				r.departmentId(), department, r.coDepartmentIds(), r.note());
	}

	private String path(Long categoryId) {
		return categoryId == null ? null : categories.find(categoryId).map(c -> c.path()).orElse(null);
	}
}
