package org.minsheng.console;

import org.minsheng.understanding.Understanding;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The analysis of a request beside the order form, refreshed as the agent types (htmx). The form
 * posts the text, so a complaint of any length fits (a query string breaks at about 1,200 Chinese
 * characters); on an order's own page the order itself is left out of its near-duplicates.
 */
@Controller
class UnderstandingPages {

	private final Understanding understanding;

	UnderstandingPages(Understanding understanding) {
		this.understanding = understanding;
	}

	@RequestMapping(path = "/console/nlp/analysis", method = { RequestMethod.GET, RequestMethod.POST })
	String analysis(@RequestParam(required = false) String title, @RequestParam(required = false) String content,
			@RequestParam(required = false) String order, Model model) {
		var t = title == null ? "" : title.strip();
		var c = content == null ? "" : content.strip();
		var typed = !(t.isEmpty() && c.isEmpty());
		model.addAttribute("typed", typed);
		var analysis = typed ? understanding.analyze(cut(t, 500), cut(c, 10_000)) : null;
		model.addAttribute("analysis", analysis == null || order == null ? analysis : withoutItself(analysis, order.strip()));
		return "knowledge-fragments :: analysis";
	}

	/** An order is not a duplicate of itself. */
	private static Understanding.Analysis withoutItself(Understanding.Analysis a, String no) {
		var others = a.duplicates() == null ? null : a.duplicates().stream().filter(d -> !d.no().equals(no)).toList();
		return new Understanding.Analysis(a.category(), a.alternatives(), a.department(), a.region(), a.emotion(), a.risks(),
				a.keywords(), a.summary(), a.modelVersion(), others, a.subcategory());
	}

	private static String cut(String s, int max) {
		return s.length() > max ? s.substring(0, max) : s;
	}
}
