package org.minsheng.workorder;

import java.util.List;

/**
 * Suggests departments for an order. The responsibility list (权责清单) is one advisor; text
 * intelligence adds learned ones by declaring a bean of this type. Suggestions of all advisors
 * are shown to dispatchers, best first; the best one dispatches automatically when its
 * confidence reaches the configured threshold.
 */
public interface DispatchAdvisor {

	/** Suggestions for the case, best first; empty when the advisor knows nothing about it. */
	List<DispatchSuggestion> advise(DispatchCase order);

	/** What an advisor may read of an order. {@code categoryLineage} lists the category ids from the top level down. */
	record DispatchCase(WorkOrderNo no, Long categoryId, List<Long> categoryLineage, String divisionCode,
			RequestType requestType, Urgency urgency, String title, String content) {
	}
}
