package org.minsheng.console;

import org.minsheng.understanding.Understanding;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The analysis of a request beside the order form, refreshed as the agent types (htmx). */
@Controller
class UnderstandingPages {

	private final Understanding understanding;

	UnderstandingPages(Understanding understanding) {
		this.understanding = understanding;
	}

	@GetMapping("/console/nlp/analysis")
	String analysis(@RequestParam(required = false) String title, @RequestParam(required = false) String content,
			Model model) {
		var t = title == null ? "" : title.strip();
		var c = content == null ? "" : content.strip();
		var typed = !(t.isEmpty() && c.isEmpty());
		model.addAttribute("typed", typed);
		model.addAttribute("analysis", typed ? understanding.analyze(cut(t, 500), cut(c, 10_000)) : null);
		return "knowledge-fragments :: analysis";
	}

	private static String cut(String s, int max) {
		return s.length() > max ? s.substring(0, max) : s;
	}
}
