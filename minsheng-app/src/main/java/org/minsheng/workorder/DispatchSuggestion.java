package org.minsheng.workorder;

import java.util.List;

import org.minsheng.identity.DepartmentId;

/**
 * A suggested lead department (and co-handlers) with the advisor's confidence in 0..1.
 *
 * @param source which advisor made it, e.g. {@code responsibility-list}
 * @param reason why, in words a dispatcher understands
 */
public record DispatchSuggestion(DepartmentId department, List<DepartmentId> coHandlers, double confidence,
		String source, String reason) {

	public DispatchSuggestion {
		coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
		if (confidence < 0 || confidence > 1) {
			throw new IllegalArgumentException("Confidence lies between 0 and 1: " + confidence);
		}
	}
}
