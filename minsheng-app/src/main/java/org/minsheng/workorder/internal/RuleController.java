package org.minsheng.workorder.internal;

import java.net.URI;
import java.util.List;

import org.minsheng.workorder.RequestType;
import org.minsheng.workorder.SlaStage;
import org.minsheng.workorder.Urgency;
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

	record SlaRuleView(long id, SlaStage stage, Long categoryId, Urgency urgency, RequestType requestType,
			Boolean complex, String term, String label) {
	}

	record ResponsibilityBody(Long categoryId, @Size(max = 12) String divisionCode, @NotNull Long departmentId,
			@Size(max = 10) List<@NotNull Long> coDepartmentIds, @Size(max = 200) String note) {
	}

	private final SlaRuleBook slaRules;

	private final ResponsibilityList responsibilities;

	RuleController(SlaRuleBook slaRules, ResponsibilityList responsibilities) {
		this.slaRules = slaRules;
		this.responsibilities = responsibilities;
	}

	@GetMapping("/api/sla-rules")
	List<SlaRuleView> slaRules() {
		return slaRules.rules().stream().map(RuleController::view).toList();
	}

	@PostMapping("/api/sla-rules")
	ResponseEntity<SlaRuleView> addSlaRule(@Valid @RequestBody SlaRuleBody b) {
		var rule = slaRules.add(b.stage(), b.categoryId(), b.urgency(), b.requestType(), b.complex(), b.term());
		return ResponseEntity.created(URI.create("/api/sla-rules/" + rule.id())).body(view(rule));
	}

	@DeleteMapping("/api/sla-rules/{id}")
	ResponseEntity<Void> removeSlaRule(@PathVariable long id) {
		slaRules.remove(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/responsibility-rules")
	List<ResponsibilityList.Rule> responsibilityRules() {
		return responsibilities.rules();
	}

	@PostMapping("/api/responsibility-rules")
	ResponseEntity<ResponsibilityList.Rule> addResponsibility(@Valid @RequestBody ResponsibilityBody b) {
		var rule = responsibilities.add(b.categoryId(), b.divisionCode() == null || b.divisionCode().isBlank() ? null
				: b.divisionCode().strip(), b.departmentId(), b.coDepartmentIds(), b.note());
		return ResponseEntity.created(URI.create("/api/responsibility-rules/" + rule.id())).body(rule);
	}

	@DeleteMapping("/api/responsibility-rules/{id}")
	ResponseEntity<Void> removeResponsibility(@PathVariable long id) {
		responsibilities.remove(id);
		return ResponseEntity.noContent().build();
	}

	private static SlaRuleView view(SlaRule r) {
		return new SlaRuleView(r.id(), r.stage(), r.categoryId(), r.urgency(), r.requestType(), r.complex(),
				r.term().toString(), r.term().label());
	}
}
