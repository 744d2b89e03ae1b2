package org.minsheng.workorder.web;

import java.net.URI;
import java.util.List;

import org.minsheng.workorder.RequestType;
import org.minsheng.workorder.SlaStage;
import org.minsheng.workorder.Urgency;
import org.minsheng.workorder.WorkOrderRules;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The SLA table (时限表) and the responsibility list (权责清单). Reading is open to staff; changes need SLA_ADMIN. */
@RestController
class RuleController {

	record SlaRuleBody(@NotNull SlaStage stage, Long categoryId, Urgency urgency, RequestType requestType,
			Boolean complex, @NotBlank @Size(max = 10) String term) {
	}

	record ResponsibilityBody(Long categoryId, @Size(max = 12) String divisionCode, @NotNull Long departmentId,
			@Size(max = 10) List<@NotNull Long> coDepartmentIds, @Size(max = 200) String note) {
	}

	private final WorkOrderRules rules;

	RuleController(WorkOrderRules rules) {
		this.rules = rules;
	}

	@GetMapping("/api/sla-rules")
	List<WorkOrderRules.SlaRuleView> slaRules() {
		return rules.slaRules();
	}

	@PostMapping("/api/sla-rules")
	ResponseEntity<WorkOrderRules.SlaRuleView> addSlaRule(@Valid @RequestBody SlaRuleBody b) {
		var rule = rules.addSlaRule(new WorkOrderRules.NewSlaRule(b.stage(), b.categoryId(), b.urgency(),
				b.requestType(), b.complex(), b.term()));
		return ResponseEntity.created(URI.create("/api/sla-rules/" + rule.id())).body(rule);
	}

	@DeleteMapping("/api/sla-rules/{id}")
	ResponseEntity<Void> removeSlaRule(@PathVariable long id) {
		rules.removeSlaRule(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/responsibility-rules")
	List<WorkOrderRules.ResponsibilityView> responsibilityRules() {
		return rules.responsibilities();
	}

	@PostMapping("/api/responsibility-rules")
	ResponseEntity<WorkOrderRules.ResponsibilityView> addResponsibility(@Valid @RequestBody ResponsibilityBody b) {
		var rule = rules.addResponsibility(new WorkOrderRules.NewResponsibility(b.categoryId(), b.divisionCode(),
				b.departmentId(), b.coDepartmentIds(), b.note()));
		return ResponseEntity.created(URI.create("/api/responsibility-rules/" + rule.id())).body(rule);
	}

	@DeleteMapping("/api/responsibility-rules/{id}")
	ResponseEntity<Void> removeResponsibility(@PathVariable long id) {
		rules.removeResponsibility(id);
		return ResponseEntity.noContent().build();
	}
}
