package org.minsheng.understanding.internal;

import java.util.ArrayList;
import java.util.List;

import org.minsheng.workorder.DispatchAdvisor;
import org.minsheng.workorder.DispatchSuggestion;
import org.springframework.stereotype.Component;

/**
 * Advice learned from history: which department finally handled the closed orders (and imported
 * examples) most like this one, with the department model's probability as the confidence. The
 * work-order module combines it with the responsibility list; when the two agree the advice is
 * surer than either alone.
 */
@Component
class DepartmentAdvisor implements DispatchAdvisor {

	static final String SOURCE = "department-model";

	/** Departments less likely than this are not worth a dispatcher's glance. */
	static final double WORTH_SHOWING = 0.05;

	private final ModelShelf shelf;

	private final TrainingSet labels;

	DepartmentAdvisor(ModelShelf shelf, TrainingSet labels) {
		this.shelf = shelf;
		this.labels = labels;
	}

	@Override
	public List<DispatchSuggestion> advise(DispatchCase order) {
		var model = shelf.active(ModelKind.DEPARTMENT);
		var text = UnderstandingService.text(order.title(), order.content());
		if (model == null || text.isBlank()) return List.of();
		var c = model.classifier().classify(text);
		var out = new ArrayList<DispatchSuggestion>();
		suggest(out, c.label(), c.confidence(), model.version());
		c.alternatives().forEach(a -> suggest(out, a.label(), a.confidence(), model.version()));
		return out;
	}

	private void suggest(List<DispatchSuggestion> out, String label, double confidence, int version) {
		if (confidence < WORTH_SHOWING) return;
		labels.department(label).ifPresent(d -> out.add(new DispatchSuggestion(d, List.of(), confidence, SOURCE,
				String.format("相似诉求多由该部门办结（部门模型 v%d，概率 %.2f）", version, confidence))));
	}
}
