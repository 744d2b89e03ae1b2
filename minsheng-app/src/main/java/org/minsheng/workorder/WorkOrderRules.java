package org.minsheng.workorder;

import java.util.List;

/**
 * The center's rule tables: the SLA table (时限表: a term per stage for a category, urgency,
 * request type and complexity; the most specific wins) and the responsibility list (权责清单: a
 * category in a region belongs to a department). Reading needs a login; changes need SLA_ADMIN
 * and are audited.
 */
public interface WorkOrderRules {

	List<SlaRuleView> slaRules();

	SlaRuleView addSlaRule(NewSlaRule rule);

	void removeSlaRule(long id);

	List<ResponsibilityView> responsibilities();

	ResponsibilityView addResponsibility(NewResponsibility rule);

	void removeResponsibility(long id);

	record NewSlaRule(SlaStage stage, Long categoryId, Urgency urgency, RequestType requestType, Boolean complex,
			String term) {
	}

	/** {@code term} as written ({@code 5wd}); {@code label} as read ({@code 5个工作日}). */
	record SlaRuleView(long id, SlaStage stage, Long categoryId, String categoryPath, Urgency urgency,
			RequestType requestType, Boolean complex, String term, String label) {
	}

	record NewResponsibility(Long categoryId, String divisionCode, long departmentId, List<Long> coDepartmentIds,
			String note) {
	}

	record ResponsibilityView(long id, Long categoryId, String categoryPath, String divisionCode, String divisionName,
			long departmentId, String departmentName, List<Long> coDepartmentIds, String note) {
	}
}
