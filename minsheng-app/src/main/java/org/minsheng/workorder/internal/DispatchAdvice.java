package org.minsheng.workorder.internal;

import java.util.ArrayList;
import java.util.List;

import org.minsheng.category.Categories;
import org.minsheng.identity.DepartmentDirectory;
import org.minsheng.identity.DepartmentId;
import org.minsheng.identity.DepartmentType;
import org.minsheng.workorder.DispatchAdvisor;
import org.minsheng.workorder.DispatchSuggestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Where an order should go: the advice of every {@link DispatchAdvisor} (the 权责清单, the trained
 * model, the history of similar orders) combined into one ranked list, and which departments may be
 * dispatched to at all.
 */
@Component
class DispatchAdvice {

	private static final Logger log = LoggerFactory.getLogger(DispatchAdvice.class);

	private final ObjectProvider<DispatchAdvisor> advisors;

	private final Categories categories;

	private final DepartmentDirectory directory;

	/** The advisors, looked up once: a look-up in the application context on every registration cost more than the advice. */
	private volatile List<DispatchAdvisor> advisorList;

	DispatchAdvice(ObjectProvider<DispatchAdvisor> advisors, Categories categories, DepartmentDirectory directory) {
		this.advisors = advisors;
		this.categories = categories;
		this.directory = directory;
	}

	/** The combined advice for the order, surest first. */
	List<DispatchSuggestion> advise(WorkOrderRows.Facts f) {
		var lineage = f.categoryId() == null ? List.<Long>of()
				: categories.lineage(f.categoryId()).stream().map(c -> c.id()).toList();
		var order = new DispatchAdvisor.DispatchCase(f.no(), f.categoryId(), lineage, f.divisionCode(),
				f.requestType(), f.urgency(), f.title(), f.content());
		var all = new ArrayList<DispatchSuggestion>();
		advisors().forEach(a -> {
			try {
				all.addAll(a.advise(order));
			}
			catch (RuntimeException e) {
				// advice is a help, never a condition: without it the order waits for a dispatcher
				log.warn("Dispatch advice for {} failed", f.no(), e);
			}
		});
		return CombinedAdvice.combine(all);
	}

	/** Whether orders may be dispatched to the department: it exists, is enabled and is not the center. */
	boolean dispatchable(DepartmentId id) {
		return directory.get(id).filter(d -> d.enabled() && d.type() != DepartmentType.CENTER).isPresent();
	}

	private List<DispatchAdvisor> advisors() {
		var known = advisorList;
		if (known == null) {
			known = advisors.orderedStream().toList();
			advisorList = known;
		}
		return known;
	}
}
