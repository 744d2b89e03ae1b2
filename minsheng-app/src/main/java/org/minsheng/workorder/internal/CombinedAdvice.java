package org.minsheng.workorder.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

import org.minsheng.identity.DepartmentId;
import org.minsheng.workorder.DispatchSuggestion;

/**
 * Advice of several advisors about one department is one suggestion: each advisor is a separate
 * piece of evidence, so the department is wrong only if all of them are (1 − ∏(1 − cᵢ)). The
 * responsibility list at 0.5 (two rules disagree) and a model at 0.8 on the same department give 0.9;
 * departments only one advisor names keep that advisor's confidence. Co-handlers come from the
 * surest advisor that names any; the reasons are joined so the timeline shows why.
 */
final class CombinedAdvice {

	private CombinedAdvice() {
	}

	static List<DispatchSuggestion> combine(List<DispatchSuggestion> all) {
		var sorted = new ArrayList<>(all);
		sorted.sort(Comparator.comparingDouble(DispatchSuggestion::confidence).reversed());
		var byDepartment = new LinkedHashMap<DepartmentId, List<DispatchSuggestion>>();
		sorted.forEach(s -> byDepartment.computeIfAbsent(s.department(), d -> new ArrayList<>()).add(s));
		var out = new ArrayList<DispatchSuggestion>();
		byDepartment.forEach((department, advice) -> {
			if (advice.size() == 1) {
				out.add(advice.getFirst());
				return;
			}
			double wrong = 1;
			for (var s : advice) {
				wrong *= 1 - s.confidence();
			}
			var coHandlers = advice.stream().map(DispatchSuggestion::coHandlers).filter(c -> !c.isEmpty()).findFirst()
				.orElse(List.of());
			var sources = String.join("+", advice.stream().map(DispatchSuggestion::source).distinct().toList());
			var reasons = String.join("；", advice.stream().map(DispatchSuggestion::reason).toList());
			out.add(new DispatchSuggestion(department, coHandlers, Math.min(1, 1 - wrong), sources, reasons));
		});
		out.sort(Comparator.comparingDouble(DispatchSuggestion::confidence).reversed());
		return out;
	}
}
