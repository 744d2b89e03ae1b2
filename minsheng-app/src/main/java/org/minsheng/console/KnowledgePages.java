package org.minsheng.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Departments;
import org.minsheng.knowledge.ArticleContent;
import org.minsheng.knowledge.ArticleId;
import org.minsheng.knowledge.ArticleQuery;
import org.minsheng.knowledge.ArticleState;
import org.minsheng.knowledge.ArticleType;
import org.minsheng.knowledge.ArticleView;
import org.minsheng.knowledge.DraftStatus;
import org.minsheng.knowledge.KnowledgeBase;
import org.minsheng.knowledge.KnowledgeLearning;
import org.minsheng.knowledge.SearchHit;
import org.minsheng.knowledge.SearchRequest;
import org.minsheng.platform.Downloads;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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

	private final KnowledgeLearning learning;

	private final Departments departments;

	private final CurrentActor current;

	KnowledgePages(KnowledgeBase knowledge, KnowledgeLearning learning,
			Departments departments, CurrentActor current) {
		this.knowledge = knowledge;
		this.learning = learning;
		this.departments = departments;
		this.current = current;
	}

	// ---- editing and review ---------------------------------------------------------------------

	/** Articles in the editor's scope: drafts, those waiting for review, published, expired. */
	@GetMapping("/console/knowledge/manage")
	String manage(@RequestParam(required = false) ArticleState state,
			@RequestParam(required = false) DraftStatus draftStatus,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", knowledge.list(new ArticleQuery(null, state, draftStatus, null,
				null, page, 50)));
		model.addAttribute("state", state);
		model.addAttribute("draftStatus", draftStatus);
		model.addAttribute("states", ArticleState.values());
		model.addAttribute("draftStatuses", DraftStatus.values());
		return "knowledge-manage";
	}

	@GetMapping("/console/knowledge/new")
	String newArticle(Model model) {
		form(model, null, null);
		return "knowledge-edit";
	}

	@GetMapping("/console/knowledge/{id}/edit")
	String editArticle(@PathVariable long id, Model model) {
		var article = knowledge.find(new ArticleId(id)).orElseThrow(() -> new NotFoundException("知识", id));
		form(model, article, article.draft() != null ? article.draft().content() : article.current());
		return "knowledge-edit";
	}

	private void form(Model model, ArticleView article,
			ArticleContent content) {
		model.addAttribute("article", article);
		model.addAttribute("content", content);
		model.addAttribute("types", ArticleType.values());
		model.addAttribute("departments", departments.visible());
		model.addAttribute("mine", current.get().departmentId().value());
	}

	@PostMapping("/console/knowledge/save")
	String save(@RequestParam Map<String, String> form,
			RedirectAttributes flash) {
		var id = form.get("id");
		var saved = new long[1];
		Flash.run(flash, "已保存草稿 Draft saved", () -> {
			var content = new ArticleContent(form.get("title"), form.get("body"),
					lines(form.get("questions")), split(form.get("tags")), split(form.get("regions")),
					date(form.get("effectiveFrom")), date(form.get("expiresAt")), form.get("sourceUrl"));
			if (id == null || id.isBlank()) {
				saved[0] = knowledge.create(new KnowledgeBase.NewArticle(form.get("externalId"),
						ArticleType.valueOf(form.get("type")), Long.parseLong(form.get("departmentId")), content)).id();
			}
			else {
				saved[0] = knowledge.edit(new ArticleId(Long.parseLong(id)), content).id();
			}
		});
		if (saved[0] == 0) {
			return id == null || id.isBlank() ? "redirect:/console/knowledge/new" : "redirect:/console/knowledge/" + id + "/edit";
		}
		return "redirect:/console/knowledge/" + saved[0];
	}

	@PostMapping("/console/knowledge/{id}/{step}")
	String step(@PathVariable long id, @PathVariable String step, @RequestParam Map<String, String> form,
			RedirectAttributes flash) {
		var article = new ArticleId(id);
		Flash.run(flash, "已完成 Done", () -> {
			switch (step) {
				case "submit" -> knowledge.submit(article);
				case "approve" -> knowledge.approve(article, form.get("comment"));
				case "send-back" -> knowledge.sendBack(article, form.get("comment"));
				case "discard-draft" -> knowledge.discardDraft(article);
				case "retire" -> knowledge.retire(article, form.get("reason"));
				case "feedback" -> learning.feedback(article, Boolean.parseBoolean(form.get("helpful")),
						form.get("comment"), "CONSOLE");
				default -> throw new NotFoundException("操作", step);
			}
		});
		return "redirect:/console/knowledge/" + id;
	}

	@PostMapping(path = "/console/knowledge/{id}/attachments", consumes = "multipart/form-data")
	String attach(@PathVariable long id, @RequestParam(name = "file", required = false)
			MultipartFile file,
			RedirectAttributes flash) {
		Flash.run(flash, "已上传附件", () -> {
			if (file == null || file.isEmpty()) {
				throw new InvalidFieldException("file", "请选择文件 Choose a file");
			}
			try (var in = file.getInputStream()) {
				knowledge.attach(new ArticleId(id), file.getOriginalFilename(), in);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
		return "redirect:/console/knowledge/" + id;
	}

	@GetMapping("/console/knowledge/{id}/attachments/{attachmentId}")
	ResponseEntity<InputStreamResource> download(@PathVariable long id,
			@PathVariable long attachmentId) {
		var download = knowledge.openAttachment(new ArticleId(id), attachmentId);
		var a = download.attachment();
		return Downloads.attachment(a.fileName(), a.contentType(), a.size(), a.sha256(),
				download.content());
	}

	// ---- learning ------------------------------------------------------------------------------

	@GetMapping("/console/knowledge/reports")
	String reports(@RequestParam(defaultValue = "DAY") KnowledgeLearning.Period period,
			Model model) {
		model.addAttribute("period", period);
		model.addAttribute("hot", learning.hotQuestions(period, null, 20));
		model.addAttribute("unanswered", learning.unanswered(null, null, 20));
		model.addAttribute("neverUsed", learning.neverUsed(30));
		model.addAttribute("negative", learning.negativeFeedback(null, null));
		model.addAttribute("expiring", learning.expiringWithin(30));
		return "knowledge-reports";
	}

	/** One click: a group of unanswered questions becomes a FAQ draft, opened for editing. */
	@PostMapping("/console/knowledge/reports/draft")
	String draft(@RequestParam List<String> question,
			RedirectAttributes flash) {
		var created = new long[1];
		Flash.run(flash, "已生成常见问答草稿，请补充答案", () -> created[0] = learning.draftFromQuestions(question, null).id());
		return created[0] == 0 ? "redirect:/console/knowledge/reports" : "redirect:/console/knowledge/" + created[0] + "/edit";
	}

	private static List<String> lines(String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	private static List<String> split(String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split("[,，\\s]+")).map(String::strip).filter(t -> !t.isEmpty()).toList();
	}

	private static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidFieldException("date", "日期应写作 2026-12-31，而不是 " + text);
		}
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
		var article = knowledge.find(new ArticleId(id)).orElseThrow(() -> new NotFoundException("知识", id));
		model.addAttribute("article", article);
		model.addAttribute("content", article.current());
		model.addAttribute("attachments", knowledge.attachments(new ArticleId(id)));
		return "knowledge-article";
	}

	/** Agent assist (htmx): articles and the script template for what the agent has typed so far. */
	@RequestMapping(path = "/console/knowledge/assist", method = { RequestMethod.GET, RequestMethod.POST })
	String assist(@RequestParam(required = false) String title, @RequestParam(required = false) String content,
			@RequestParam(defaultValue = "true") boolean scripts, Model model) {
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
			// the order page offers its reply templates in the reply form, filled in, and asks for no script here
			var found = scripts ? knowledge.search(new SearchRequest(text, 1, ArticleType.SCRIPT, null, null, null, "ASSIST"))
					: List.<org.minsheng.knowledge.SearchHit>of();
			if (!found.isEmpty()) {
				script = new Suggestion(found.get(0), fill(knowledge.answerText(new ArticleId(found.get(0).id()))
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
