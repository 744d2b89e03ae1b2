package org.minsheng.knowledge.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.minsheng.knowledge.ArticleAttachment;
import org.minsheng.knowledge.ArticleContent;
import org.minsheng.knowledge.ArticleId;
import org.minsheng.knowledge.ArticleQuery;
import org.minsheng.knowledge.ArticleRecord;
import org.minsheng.knowledge.ArticleState;
import org.minsheng.knowledge.ArticleType;
import org.minsheng.knowledge.ArticleView;
import org.minsheng.knowledge.DraftStatus;
import org.minsheng.knowledge.ImportReport;
import org.minsheng.knowledge.KnowledgeBase;
import org.minsheng.knowledge.KnowledgeLearning;
import org.minsheng.knowledge.SearchHit;
import org.minsheng.knowledge.SearchRequest;
import org.minsheng.knowledge.Synonyms;
import org.minsheng.platform.Downloads;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The knowledge base over HTTP: articles and their review, search, import and export, synonyms. */
@RestController
class KnowledgeController {

	static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

	record ContentBody(@Size(max = 300) String title, @Size(max = 200_000) String body,
			@Size(max = 50) List<String> questions, @Size(max = 20) List<String> tags,
			@Size(max = 100) List<String> regions, LocalDate effectiveFrom, LocalDate expiresAt,
			@Size(max = 1000) String sourceUrl) {

		ArticleContent content() {
			return new ArticleContent(title, body, questions, tags, regions, effectiveFrom, expiresAt, sourceUrl);
		}
	}

	record NewArticleBody(@Size(max = 100) String externalId, @NotNull ArticleType type, @NotNull Long departmentId,
			@Size(max = 300) String title, @Size(max = 200_000) String body, @Size(max = 50) List<String> questions,
			@Size(max = 20) List<String> tags, @Size(max = 100) List<String> regions, LocalDate effectiveFrom,
			LocalDate expiresAt, @Size(max = 1000) String sourceUrl) {
	}

	record CommentBody(@Size(max = 1000) String comment) {
	}

	record ReasonBody(@Size(max = 500) String reason) {
	}

	record UsedBody(@Size(max = 16) String source) {
	}

	record SynonymBody(@NotNull @Size(max = 20) List<String> terms) {
	}

	record FeedbackBody(@NotNull Boolean helpful, @Size(max = 500) String comment, @Size(max = 16) String source) {
	}

	record DraftBody(@NotNull @Size(max = 50) List<String> questions, Long departmentId) {
	}

	private final KnowledgeBase knowledge;

	private final Synonyms synonyms;

	private final KnowledgeLearning learning;

	private final JsonMapper json;

	KnowledgeController(KnowledgeBase knowledge, Synonyms synonyms, KnowledgeLearning learning, JsonMapper json) {
		this.knowledge = knowledge;
		this.synonyms = synonyms;
		this.learning = learning;
		this.json = json;
	}

	@PostMapping("/api/kb/articles/{id}/feedback")
	ResponseEntity<Void> feedback(@PathVariable long id, @Valid @RequestBody FeedbackBody b) {
		learning.feedback(new ArticleId(id), b.helpful(), b.comment(), b.source());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/kb/reports/hot-questions")
	List<KnowledgeLearning.HotQuestion> hotQuestions(
			@RequestParam(defaultValue = "DAY") KnowledgeLearning.Period period,
			@RequestParam(required = false) LocalDate day, @RequestParam(defaultValue = "20") int top) {
		return learning.hotQuestions(period, day, top);
	}

	@GetMapping("/api/kb/reports/unanswered")
	List<KnowledgeLearning.QuestionCluster> unanswered(@RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(defaultValue = "20") int top) {
		return learning.unanswered(from, to, top);
	}

	/** One click in the report: the group's questions become a FAQ draft for an editor to answer. */
	@PostMapping("/api/kb/reports/unanswered/draft")
	ResponseEntity<ArticleView> draft(@Valid @RequestBody DraftBody b) {
		var view = learning.draftFromQuestions(b.questions(), b.departmentId());
		return ResponseEntity.created(URI.create("/api/kb/articles/" + view.id())).body(view);
	}

	@GetMapping("/api/kb/reports/never-used")
	List<KnowledgeLearning.ArticleUse> neverUsed(@RequestParam(defaultValue = "30") int days) {
		return learning.neverUsed(days);
	}

	@GetMapping("/api/kb/reports/negative-feedback")
	List<KnowledgeLearning.ArticleFeedback> negativeFeedback(@RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		return learning.negativeFeedback(from, to);
	}

	@GetMapping("/api/kb/reports/expiring")
	List<KnowledgeLearning.ArticleUse> expiring(@RequestParam(defaultValue = "30") int days) {
		return learning.expiringWithin(days);
	}

	@GetMapping("/api/kb/search")
	List<SearchHit> search(@RequestParam String q, @RequestParam(defaultValue = "10") int top,
			@RequestParam(required = false) ArticleType type, @RequestParam(required = false) Long departmentId,
			@RequestParam(required = false) String region, @RequestParam(required = false) LocalDate validOn) {
		return knowledge.search(new SearchRequest(q, top, type, departmentId, region, validOn, "SEARCH"));
	}

	@GetMapping("/api/kb/articles")
	KnowledgeBase.ArticlePage list(@RequestParam(required = false) ArticleType type,
			@RequestParam(required = false) ArticleState state, @RequestParam(required = false) DraftStatus draftStatus,
			@RequestParam(required = false) Long departmentId, @RequestParam(required = false) String words,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return knowledge.list(new ArticleQuery(type, state, draftStatus, departmentId, words, page, size));
	}

	@PostMapping("/api/kb/articles")
	ResponseEntity<ArticleView> create(@Valid @RequestBody NewArticleBody b) {
		var view = knowledge.create(new KnowledgeBase.NewArticle(b.externalId(), b.type(), b.departmentId(),
				new ArticleContent(b.title(), b.body(), b.questions(), b.tags(), b.regions(), b.effectiveFrom(),
						b.expiresAt(), b.sourceUrl())));
		return ResponseEntity.created(URI.create("/api/kb/articles/" + view.id())).body(view);
	}

	@GetMapping("/api/kb/articles/{id}")
	ArticleView find(@PathVariable long id) {
		return knowledge.find(new ArticleId(id)).orElseThrow(() -> new NotFoundException("知识", id));
	}

	@PutMapping("/api/kb/articles/{id}")
	ArticleView edit(@PathVariable long id, @Valid @RequestBody ContentBody b) {
		return knowledge.edit(new ArticleId(id), b.content());
	}

	@PostMapping("/api/kb/articles/{id}/submit")
	ArticleView submit(@PathVariable long id) {
		return knowledge.submit(new ArticleId(id));
	}

	@PostMapping("/api/kb/articles/{id}/approve")
	ArticleView approve(@PathVariable long id, @Valid @RequestBody(required = false) CommentBody b) {
		return knowledge.approve(new ArticleId(id), b == null ? null : b.comment());
	}

	@PostMapping("/api/kb/articles/{id}/send-back")
	ArticleView sendBack(@PathVariable long id, @Valid @RequestBody CommentBody b) {
		return knowledge.sendBack(new ArticleId(id), b.comment());
	}

	@PostMapping("/api/kb/articles/{id}/discard-draft")
	ArticleView discardDraft(@PathVariable long id) {
		return knowledge.discardDraft(new ArticleId(id));
	}

	@PostMapping("/api/kb/articles/{id}/retire")
	ArticleView retire(@PathVariable long id, @Valid @RequestBody ReasonBody b) {
		return knowledge.retire(new ArticleId(id), b.reason());
	}

	@PostMapping("/api/kb/articles/{id}/used")
	ResponseEntity<Void> used(@PathVariable long id, @Valid @RequestBody(required = false) UsedBody b) {
		knowledge.markUsed(new ArticleId(id), b == null ? null : b.source());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/kb/articles/{id}/versions")
	List<ArticleView.Version> versions(@PathVariable long id) {
		return knowledge.versions(new ArticleId(id));
	}

	@GetMapping("/api/kb/articles/{id}/diff")
	KnowledgeBase.VersionDiff diff(@PathVariable long id, @RequestParam int from, @RequestParam int to) {
		return knowledge.diff(new ArticleId(id), from, to);
	}

	/**
	 * Takes a JSON array of articles or NDJSON (one article per line). A row that is not an
	 * article (bad JSON on its line, a date that is not a date) is reported like any other bad row.
	 */
	@PostMapping(path = "/api/kb/articles/import", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/x-ndjson",
			MediaType.TEXT_PLAIN_VALUE })
	ImportReport importArticles(@RequestBody String body, @RequestParam(defaultValue = "false") boolean publish) {
		var records = new ArrayList<ArticleRecord>();
		var unreadable = new HashMap<Integer, String>();
		var text = body == null ? "" : body.strip();
		if (text.startsWith("[")) {
			JsonNode array;
			try {
				array = json.readTree(text);
			}
			catch (JacksonException e) {
				throw new InvalidFieldException("body", "不是 JSON 数组：" + e.getOriginalMessage());
			}
			for (var element : array) {
				records.add(read(element, records.size() + 1, unreadable));
			}
		}
		else {
			for (var line : text.split("\r?\n")) {
				if (line.isBlank()) {
					continue;
				}
				try {
					records.add(read(json.readTree(line), records.size() + 1, unreadable));
				}
				catch (JacksonException e) {
					unreadable.put(records.size() + 1, "Not JSON: " + e.getOriginalMessage());
					records.add(null);
				}
			}
		}
		var report = knowledge.importArticles(records, publish);
		var errors = report.errors()
			.stream()
			.map(e -> unreadable.containsKey(e.row())
					? new ImportReport.RowError(e.row(), e.externalId(), null, unreadable.get(e.row())) : e)
			.toList();
		return new ImportReport(report.received(), report.created(), report.updated(), report.published(), errors);
	}

	private ArticleRecord read(JsonNode node, int row, Map<Integer, String> unreadable) {
		try {
			return json.treeToValue(node, ArticleRecord.class);
		}
		catch (JacksonException e) {
			unreadable.put(row, "Not an article: " + e.getOriginalMessage());
			return null;
		}
	}

	@GetMapping(path = "/api/kb/articles/export", produces = { MediaType.APPLICATION_JSON_VALUE, "application/x-ndjson" })
	ResponseEntity<String> export(@RequestHeader(name = "Accept", required = false) String accept,
			@RequestParam(required = false) ArticleType type, @RequestParam(required = false) ArticleState state,
			@RequestParam(required = false) Long departmentId) {
		var records = knowledge.export(new ArticleQuery(type, state, null, departmentId, null, 0, 500));
		if (accept != null && accept.contains("ndjson")) {
			var out = new StringBuilder();
			for (var r : records) {
				out.append(json.writeValueAsString(r)).append('\n');
			}
			return ResponseEntity.ok().contentType(NDJSON).body(out.toString());
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(records));
	}

	@GetMapping("/api/kb/synonyms")
	List<Synonyms.SynonymGroup> synonyms() {
		return synonyms.all();
	}

	@PostMapping("/api/kb/synonyms")
	ResponseEntity<Synonyms.SynonymGroup> addSynonyms(@Valid @RequestBody SynonymBody b) {
		var group = synonyms.add(b.terms());
		return ResponseEntity.created(URI.create("/api/kb/synonyms/" + group.id())).body(group);
	}

	@DeleteMapping("/api/kb/synonyms/{id}")
	ResponseEntity<Void> removeSynonyms(@PathVariable long id) {
		synonyms.remove(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/api/kb/articles/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ArticleAttachment> attach(@PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidFieldException("file", "请以 multipart 的「file」部分上传文件");
		}
		try (var in = file.getInputStream()) {
			var added = knowledge.attach(new ArticleId(id), file.getOriginalFilename(), in);
			return ResponseEntity.created(URI.create("/api/kb/articles/" + id + "/attachments/" + added.id())).body(added);
		}
	}

	@GetMapping("/api/kb/articles/{id}/attachments")
	List<ArticleAttachment> attachments(@PathVariable long id) {
		return knowledge.attachments(new ArticleId(id));
	}

	@GetMapping("/api/kb/articles/{id}/attachments/{attachmentId}")
	ResponseEntity<InputStreamResource> download(@PathVariable long id,
			@PathVariable long attachmentId) {
		var download = knowledge.openAttachment(new ArticleId(id), attachmentId);
		var a = download.attachment();
		return Downloads.attachment(a.fileName(), a.contentType(), a.size(), a.sha256(),
				download.content());
	}

	@PostMapping("/api/kb/index/rebuild")
	Map<String, Integer> rebuild() {
		return Map.of("indexed", knowledge.rebuildIndex());
	}
}
