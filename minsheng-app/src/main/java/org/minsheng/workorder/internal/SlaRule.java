package org.minsheng.workorder.internal;

import java.util.List;

import org.minsheng.sla.SlaTerm;
import org.minsheng.workorder.RequestType;
import org.minsheng.workorder.SlaStage;
import org.minsheng.workorder.Urgency;

/**
 * One line of the SLA table: a time limit for a stage, for orders of a category (any level),
 * urgency, request type and complexity; a null field matches anything.
 */
record SlaRule(long id, SlaStage stage, Long categoryId, Urgency urgency, RequestType requestType, Boolean complex,
		SlaTerm term) {

	boolean matches(SlaStage stage, List<Long> categoryLineage, Urgency urgency, RequestType requestType,
			boolean complex) {
		return this.stage == stage && (categoryId == null || categoryLineage.contains(categoryId))
				&& (this.urgency == null || this.urgency == urgency)
				&& (this.requestType == null || this.requestType == requestType)
				&& (this.complex == null || this.complex == complex);
	}

	/** A deeper category beats a request type, which beats complexity, which beats urgency. */
	int specificity(List<Long> categoryLineage) {
		int depth = categoryId == null ? 0 : categoryLineage.indexOf(categoryId) + 1;
		return depth * 8 + (requestType != null ? 4 : 0) + (complex != null ? 2 : 0) + (urgency != null ? 1 : 0);
	}
}
