package org.minsheng.console;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.minsheng.knowledge.ArticleId;
import org.minsheng.knowledge.ArticleType;
import org.minsheng.knowledge.KnowledgeBase;
import org.minsheng.knowledge.SearchHit;
import org.minsheng.knowledge.SearchRequest;
import org.minsheng.platform.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The knowledge base in the console: search and read articles, and agent assist beside the order
 * form (the top articles and the matching script template while the agent types; one click puts an
 * answer into the reply and counts the article as used).
 */
@Controller
class KnowledgePages {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** An article offered to the agent, with the text that goes into the reply. */
	record Suggestion(SearchHit hit, String answer) {
	}

	private final KnowledgeBase knowledge;

	KnowledgePages(KnowledgeBase knowledge) {
		this.knowledge = knowledge;
	}

	@GetMapping("/console/knowledge")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) ArticleType type,
			Model model) {
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("type", type);
		model.addAttribute("types", ArticleType.values());
		model.addAttribute("hits", q == null || q.isBlank() ? List.of()
				: knowledge.search(new SearchRequest(q.length() > 500 ? q.substring(0, 500) : q, 20, type, null, null,
						null, "SEARCH")));
		return "knowledge";
	}

	@GetMapping("/console/knowledge/{id}")
	String article(@PathVariable long id, Model model) {
		var article = knowledge.find(new ArticleId(id)).orElseThrow(() -> new NotFoundException("article", id));
		model.addAttribute("article", article);
		model.addAttribute("content", article.current());
		return "knowledge-article";
	}

	/** Agent assist (htmx): articles and the script template for what the agent has typed so far. */
	@GetMapping("/console/knowledge/assist")
	String assist(@RequestParam(required = false) String title, @RequestParam(required = false) String content,
			Model model) {
		var text = ((title == null ? "" : title) + " " + (content == null ? "" : content)).strip();
		if (text.length() > 500) {
			text = text.substring(0, 500);
		}
		var suggestions = new ArrayList<Suggestion>();
		Suggestion script = null;
		if (text.length() >= 2) {
			for (var hit : knowledge.search(new SearchRequest(text, 6, null, null, null, null, "ASSIST"))) {
				if (hit.type() != ArticleType.SCRIPT && suggestions.size() < 3) {
					suggestions.add(new Suggestion(hit, knowledge.answerText(new ArticleId(hit.id())).orElse("")));
				}
			}
			var scripts = knowledge.search(new SearchRequest(text, 1, ArticleType.SCRIPT, null, null, null, "ASSIST"));
			if (!scripts.isEmpty()) {
				script = new Suggestion(scripts.get(0), fill(knowledge.answerText(new ArticleId(scripts.get(0).id()))
					.orElse("")));
			}
		}
		model.addAttribute("suggestions", suggestions);
		model.addAttribute("script", script);
		model.addAttribute("typed", !text.isEmpty());
		return "knowledge-fragments :: assist";
	}

	/** The placeholders the console knows at once; the others stay for the agent to fill in. */
	private static String fill(String script) {
		return script.replace("{hotline}", "12345").replace("{today}", LocalDate.now(SHANGHAI).toString());
	}

	@PostMapping("/console/knowledge/{id}/used")
	ResponseEntity<Void> used(@PathVariable long id) {
		knowledge.markUsed(new ArticleId(id), "ASSIST");
		return ResponseEntity.noContent().build();
	}
}
