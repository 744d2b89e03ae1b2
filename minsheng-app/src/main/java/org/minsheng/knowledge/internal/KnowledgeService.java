package org.minsheng.knowledge.internal;

import java.io.InputStream;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.identity.Actor;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.DataScope;
import org.minsheng.identity.DepartmentDirectory;
import org.minsheng.identity.DepartmentId;
import org.minsheng.identity.Permission;
import org.minsheng.knowledge.ArticleAction;
import org.minsheng.knowledge.ArticleAttachment;
import org.minsheng.knowledge.ArticleContent;
import org.minsheng.knowledge.ArticleId;
import org.minsheng.knowledge.ArticleQuery;
import org.minsheng.knowledge.ArticleRecord;
import org.minsheng.knowledge.ArticleState;
import org.minsheng.knowledge.ArticleType;
import org.minsheng.knowledge.ArticleView;
import org.minsheng.knowledge.ImportReport;
import org.minsheng.knowledge.KnowledgeBase;
import org.minsheng.knowledge.SearchHit;
import org.minsheng.knowledge.SearchRequest;
import org.minsheng.platform.ConflictException;
import org.minsheng.platform.FileStore;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.minsheng.region.DivisionCode;
import org.minsheng.region.Divisions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The knowledge base's use cases: articles through their review cycle (draft, submit, approve,
 * send back, expire, retire), imports, attachments, search and the agent's assist. It is long
 * because it is the module's one door; the article's rules are Article's, retrieval is
 * KnowledgeIndex's and the learning from callers' questions LearningService's.
 */
@Service
@Transactional
class KnowledgeService implements KnowledgeBase {

	/** The placeholders a script template may use; the console fills them in. */
	static final Set<String> PLACEHOLDERS = Set.of("citizen_title", "citizen_name", "agent_no", "agent_name",
			"hotline", "order_no", "order_title", "department", "today");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z_]+)}");

	private final ArticleRows rows;

	private final IndexKeeper keeper;

	private final QueryLog queries;

	private final CurrentActor current;

	private final DepartmentDirectory directory;

	private final Divisions divisions;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate rowTx;

	private final boolean fourEyes;

	private final FileStore files;

	private final JdbcTemplate jdbc;

	KnowledgeService(ArticleRows rows, IndexKeeper keeper, QueryLog queries, CurrentActor current,
			DepartmentDirectory directory, Divisions divisions, AuditTrail audit, Clock clock,
			PlatformTransactionManager transactions, FileStore files,
			JdbcTemplate jdbc,
			@Value("${minsheng.knowledge.four-eyes:true}") boolean fourEyes) {
		this.rows = rows;
		this.keeper = keeper;
		this.queries = queries;
		this.current = current;
		this.directory = directory;
		this.divisions = divisions;
		this.audit = audit;
		this.clock = clock;
		this.rowTx = new TransactionTemplate(transactions);
		this.fourEyes = fourEyes;
		this.files = files;
		this.jdbc = jdbc;
	}

	@Override
	public ArticleView create(NewArticle a) {
		var actor = current.get().require(Permission.KNOWLEDGE_EDIT);
		if (a.type() == null) {
			throw new InvalidFieldException("type", "请选择知识类型：" + List.of(ArticleType.values()));
		}
		var externalId = externalId(a.externalId());
		checkDepartment(actor, a.departmentId());
		var content = clean(a.type(), a.content());
		if (externalId != null && rows.idOf(externalId).isPresent()) {
			throw new ConflictException("外部编号为「" + externalId + "」的知识已存在");
		}
		var now = now();
		var article = Article.create(externalId, a.type(), a.departmentId());
		rows.insert(article, actor.username(), now);
		rows.insertVersion(article.id, 1, content, actor.username(), now);
		audit.record(AuditRecord.of(AuditAction.KB_ARTICLE_CREATED, "kb_article", article.id,
				a.type() + ", department=" + a.departmentId() + ", " + content.title()));
		return view(article.id, actor);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ArticleView> find(ArticleId id) {
		var actor = current.get().require(Permission.KNOWLEDGE_READ);
		return rows.find(id.value()).filter(r -> readable(actor, r.article())).map(r -> view(r, actor));
	}

	@Override
	public ArticleView edit(ArticleId id, ArticleContent content) {
		var actor = current.get().require(Permission.KNOWLEDGE_EDIT);
		var article = lockEditable(actor, id);
		var clean = clean(article.type, content);
		var edit = article.edit();
		var now = now();
		if (edit.newVersion()) {
			rows.insertVersion(article.id, edit.version(), clean, actor.username(), now);
		}
		else {
			rows.updateVersion(article.id, edit.version(), clean, actor.username(), now);
		}
		rows.save(article, now);
		audit.record(AuditRecord.of(AuditAction.KB_ARTICLE_EDITED, "kb_article", article.id,
				"version " + edit.version() + (edit.newVersion() ? " (new)" : "")));
		return view(article.id, actor);
	}

	@Override
	public ArticleView submit(ArticleId id) {
		var actor = current.get().require(Permission.KNOWLEDGE_EDIT);
		var article = lockEditable(actor, id);
		article.submit();
		rows.save(article, now());
		audit.record(AuditRecord.of(AuditAction.KB_ARTICLE_SUBMITTED, "kb_article", article.id,
				"version " + article.draftVersion()));
		return view(article.id, actor);
	}

	@Override
	public ArticleView approve(ArticleId id, String comment) {
		var actor = current.get().require(Permission.KNOWLEDGE_REVIEW);
		var article = lockReviewable(actor, id);
		var draftNumber = article.draftVersion();
		var draft = draftNumber == null ? null : rows.version(article.id, draftNumber).orElseThrow();
		if (draft != null && fourEyes && actor.username().equals(draft.editedBy())) {
			throw new ConflictException("知识「" + article.id + "」第 " + draftNumber + " 版最后由 " + actor.username()
					+ " 编辑：须由另一位审核人审核通过");
		}
		int published = article.approve(draft == null ? null : draft.content(), LocalDate.now(clock), blank(comment));
		var now = now();
		rows.approveVersion(article.id, published, actor.username(), now, blank(comment));
		rows.save(article, now);
		audit.record(AuditRecord.of(AuditAction.KB_ARTICLE_PUBLISHED, "kb_article", article.id,
				"version " + published + (blank(comment) == null ? "" : ", " + comment.strip())));
		keeper.afterCommit(List.of(article.id));
		return view(article.id, actor);
	}

	@Override
	public ArticleView sendBack(ArticleId id, String comment) {
		var actor = current.get().require(Permission.KNOWLEDGE_REVIEW);
		var reason = required(comment, "comment", "Say what to change before sending the article back", 1000);
		var article = lockReviewable(actor, id);
		article.sendBack(reason);
		rows.save(article, now());
		audit.record(AuditRecord.of(AuditAction.KB_ARTICLE_SENT_BACK, "kb_article", article.id,
				"version " + article.draftVersion() + ", " + reason));
		return view(article.id, actor);
	}

	@Override
	public ArticleView discardDraft(ArticleId id) {
		var actor = current.get().require(Permission.KNOWLEDGE_EDIT);
		var article = lockEditable(actor, id);
		int dropped = article.discardDraft();
		rows.deleteVersion(article.id, dropped);
		rows.save(article, now());
		audit.record(AuditRecord.of(AuditAction.KB_DRAFT_DISCARDED, "kb_article", article.id, "version " + dropped));
		return view(article.id, actor);
	}

	@Override
	public ArticleView retire(ArticleId id, String reason) {
		var actor = current.get().require(Permission.KNOWLEDGE_REVIEW);
		var why = required(reason, "reason", "Say why the article is taken down", 500);
		var article = lockReviewable(actor, id);
		var dropped = article.retire(why);
		if (dropped != null) {
			rows.deleteVersion(article.id, dropped);
		}
		rows.save(article, now());
		audit.record(AuditRecord.of(AuditAction.KB_ARTICLE_RETIRED, "kb_article", article.id, why));
		keeper.afterCommit(List.of(article.id));
		return view(article.id, actor);
	}

	/**
	 * Marks published articles whose expiry date has passed as expired and takes them out of the
	 * index. Searches never return them anyway (they filter on the date); this makes the state say so.
	 */
	@Transactional(propagation = Propagation.NEVER)
	int expireDue() {
		var today = LocalDate.now(clock);
		int expired = 0;
		for (var id : rows.expiredBefore(today)) {
			Boolean done = rowTx.execute(status -> {
				var row = rows.lock(id).orElse(null);
				if (row == null || row.article().state() != ArticleState.PUBLISHED) {
					return false;
				}
				row.article().expire();
				rows.save(row.article(), now());
				audit.record(AuditRecord.of(AuditAction.KB_ARTICLE_EXPIRED, "kb_article", id, "on " + today).by("system"));
				keeper.afterCommit(List.of(id));
				return true;
			});
			if (Boolean.TRUE.equals(done)) {
				expired++;
			}
		}
		return expired;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ArticleView.Version> versions(ArticleId id) {
		var actor = current.get().require(Permission.KNOWLEDGE_READ);
		var row = rows.find(id.value()).filter(r -> editorial(actor, r.article())).orElseThrow(() -> missing(id));
		return rows.versions(row.article().id);
	}

	@Override
	@Transactional(readOnly = true)
	public VersionDiff diff(ArticleId id, int from, int to) {
		var actor = current.get().require(Permission.KNOWLEDGE_READ);
		var row = rows.find(id.value()).filter(r -> editorial(actor, r.article())).orElseThrow(() -> missing(id));
		var a = rows.version(row.article().id, from)
			.orElseThrow(() -> new InvalidFieldException("from", "知识「" + id + "」没有第 " + from + " 版"));
		var b = rows.version(row.article().id, to)
			.orElseThrow(() -> new InvalidFieldException("to", "知识「" + id + "」没有第 " + to + " 版"));
		return VersionDiffs.between(from, a.content(), to, b.content());
	}

	@Override
	@Transactional(readOnly = true)
	public ArticlePage list(ArticleQuery query) {
		var actor = current.get().require(Permission.KNOWLEDGE_READ);
		int size = query.size() <= 0 ? 20 : Math.min(query.size(), 200);
		var q = new ArticleQuery(query.type(), query.state(), query.draftStatus(), query.departmentId(), query.words(),
				Math.max(0, query.page()), size);
		var page = rows.list(q, writer(actor) ? actor.scope() : DataScope.nothing(), true);
		var names = directory.names(page.items().stream().map(ArticleSummary::departmentId).toList());
		var items = page.items()
			.stream()
			.map(s -> new ArticleSummary(s.id(), s.externalId(), s.type(), s.state(), s.draftStatus(), s.title(),
					s.departmentId(), names.get(s.departmentId()), s.publishedVersion(), s.expiresAt(), s.usedCount(),
					s.updatedAt()))
			.toList();
		return new ArticlePage(items, page.total(), q.page(), size);
	}

	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public List<SearchHit> search(SearchRequest r) {
		var actor = current.get().require(Permission.KNOWLEDGE_READ);
		var q = r.q() == null ? "" : r.q().strip();
		if (q.isEmpty() || q.length() > 500) {
			throw new InvalidFieldException("q", "问题为 1 到 500 个字符");
		}
		int top = r.top() <= 0 ? 10 : r.top();
		if (top > 100) {
			throw new InvalidFieldException("top", "一次最多返回 100 条");
		}
		if (r.region() != null && !DivisionCode.isWellFormed(r.region())) {
			throw new InvalidFieldException("region", "行政区划代码为 2、4、6 或 9 位数字");
		}
		var hits = keeper.index()
			.search(q, top, new KnowledgeIndex.Filter(r.type(), r.departmentId(), r.region(),
					r.validOn() == null ? LocalDate.now(clock) : r.validOn()))
			.stream()
			.map(h -> new SearchHit(h.id(), h.externalId(), h.type(), h.title(), h.score(), h.snippet(), h.coverage()))
			.toList();
		queries.searched(r.source() == null ? "SEARCH" : r.source(), q, hits, actor.username());
		return hits;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> answerText(ArticleId id) {
		current.get().require(Permission.KNOWLEDGE_READ);
		return rows.find(id.value())
			.filter(r -> r.article().state() == ArticleState.PUBLISHED)
			.flatMap(r -> rows.version(r.article().id, r.article().publishedVersion()))
			.map(v -> SafeHtml.text(v.content().body()));
	}

	@Override
	public void recordUnanswered(String question, String source) {
		var actor = current.get().require(Permission.KNOWLEDGE_READ);
		queries.unanswered(source == null ? "BOT" : source, question, actor.username());
	}

	@Override
	public void markUsed(ArticleId id, String source) {
		var actor = current.get().require(Permission.KNOWLEDGE_READ);
		var row = rows.find(id.value()).filter(r -> r.article().state() == ArticleState.PUBLISHED)
			.orElseThrow(() -> missing(id));
		rows.markUsed(row.article().id);
		queries.used(source == null ? "ASSIST" : source, row.article().id, actor.username());
	}

	@Override
	@Transactional(propagation = Propagation.NEVER)
	public ImportReport importArticles(List<ArticleRecord> records, boolean publish) {
		var actor = current.get().require(Permission.KNOWLEDGE_EDIT);
		if (publish) {
			actor.require(Permission.KNOWLEDGE_REVIEW);
		}
		if (records == null || records.isEmpty()) {
			throw new InvalidFieldException("articles", "请至少提交一条知识");
		}
		if (records.size() > 20_000) {
			throw new InvalidFieldException("articles", "一次导入最多 20,000 条知识");
		}
		int created = 0;
		int updated = 0;
		int published = 0;
		var errors = new ArrayList<ImportReport.RowError>();
		var changed = new ArrayList<Long>();
		var seenIds = new HashMap<String, Integer>();
		for (int i = 0; i < records.size(); i++) {
			var record = records.get(i);
			int row = i + 1;
			var externalId = record == null ? null : record.externalId();
			try {
				if (record == null) {
					throw new InvalidFieldException("", "不是一条知识");
				}
				if (externalId != null && !externalId.isBlank()) {
					var first = seenIds.putIfAbsent(externalId.strip(), row);
					if (first != null) {
						throw new InvalidFieldException("externalId", "外部编号与第 " + first + " 行重复");
					}
				}
				var outcome = rowTx.execute(status -> importOne(actor, record, publish));
				changed.add(outcome.id());
				if (outcome.created()) {
					created++;
				}
				else {
					updated++;
				}
				if (outcome.published()) {
					published++;
				}
			}
			catch (InvalidFieldException e) {
				errors.add(new ImportReport.RowError(row, externalId, e.field(), e.getMessage()));
			}
			catch (ConflictException | NotFoundException | AccessDeniedException e) {
				errors.add(new ImportReport.RowError(row, externalId, null, e.getMessage()));
			}
		}
		if (!changed.isEmpty()) {
			keeper.reindex(changed);
		}
		audit.record(AuditRecord.of(AuditAction.KB_ARTICLES_IMPORTED, "kb_article", null, "received=" + records.size()
				+ ", created=" + created + ", updated=" + updated + ", published=" + published + ", rejected="
				+ errors.size()));
		return new ImportReport(records.size(), created, updated, published, errors);
	}

	private record Outcome(long id, boolean created, boolean published) {
	}

	private Outcome importOne(Actor actor, ArticleRecord r, boolean publish) {
		var type = type(r.type());
		long department = department(r.department());
		checkDepartment(actor, department);
		var content = clean(type, new ArticleContent(r.title(), r.body(), r.questions(), r.tags(), r.regions(),
				r.effectiveFrom(), r.expiresAt(), r.sourceUrl()));
		var externalId = externalId(r.externalId());
		var now = now();
		var existing = externalId == null ? Optional.<Long>empty() : rows.idOf(externalId);
		Article article;
		boolean created;
		int version;
		if (existing.isPresent()) {
			var row = rows.lock(existing.get()).orElseThrow();
			article = row.article();
			if (article.type != type || article.departmentId != department) {
				throw new InvalidFieldException(article.type != type ? "type" : "department", "知识「" + externalId
						+ "」已是部门 " + article.departmentId + " 的「" + article.type.label()
						+ "」：导入不改变知识类型和所属部门");
			}
			checkDepartment(actor, article.departmentId);
			var edit = article.edit();
			version = edit.version();
			if (edit.newVersion()) {
				rows.insertVersion(article.id, version, content, actor.username(), now);
			}
			else {
				rows.updateVersion(article.id, version, content, actor.username(), now);
			}
			created = false;
		}
		else {
			article = Article.create(externalId, type, department);
			rows.insert(article, actor.username(), now);
			version = 1;
			rows.insertVersion(article.id, version, content, actor.username(), now);
			created = true;
		}
		if (publish) {
			checkReviewer(actor, article);
			article.publishAt(version, content, LocalDate.now(clock));
			rows.approveVersion(article.id, version, actor.username(), now, "imported");
		}
		rows.save(article, now);
		if (created) {
			audit.record(AuditRecord.of(AuditAction.KB_ARTICLE_CREATED, "kb_article", article.id,
					"imported" + (publish ? " and published" : "") + ", " + content.title()));
		}
		else {
			audit.record(AuditRecord.of(publish ? AuditAction.KB_ARTICLE_PUBLISHED : AuditAction.KB_ARTICLE_EDITED, "kb_article",
					article.id, "imported version " + version));
		}
		return new Outcome(article.id, created, publish);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ArticleRecord> export(ArticleQuery query) {
		var actor = current.get().require(Permission.KNOWLEDGE_READ);
		var out = new ArrayList<ArticleRecord>();
		int page = 0;
		while (true) {
			var q = new ArticleQuery(query.type(), query.state(), query.draftStatus(), query.departmentId(),
					query.words(), page++, 500);
			var rowsPage = rows.list(q, writer(actor) ? actor.scope() : DataScope.nothing(),
					true);
			var names = directory.names(rowsPage.items().stream().map(ArticleSummary::departmentId).toList());
			var contents = rows.currentContents(rowsPage.items().stream().map(ArticleSummary::id).toList());
			for (var a : rowsPage.items()) {
				var c = contents.get(a.id());
				out.add(new ArticleRecord(a.externalId(), a.type().name(), c.title(), c.body(),
						names.get(a.departmentId()), c.questions(), c.regions(), c.tags(), c.effectiveFrom(),
						c.expiresAt(), c.sourceUrl()));
			}
			if (rowsPage.items().size() < 500) {
				return out;
			}
		}
	}

	static final String FILE_AREA = "kb-attachments";

	@Override
	public ArticleAttachment attach(ArticleId id, String fileName, InputStream content) {
		var actor = current.get().require(Permission.KNOWLEDGE_EDIT);
		var article = lockEditable(actor, id);
		if (!article.allows(ArticleAction.ATTACH)) {
			throw ConflictException.illegalTransition("添加附件", Article.KIND, id, article.state().label());
		}
		var now = now();
		var stored = files.store(FILE_AREA, fileName, content, now);
		var keys = new GeneratedKeyHolder();
		jdbc.update(con -> {
			var ps = con.prepareStatement("insert into kb_attachment (article_id, file_name, content_type, size_bytes,"
					+ " sha256, storage_key, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			ps.setLong(1, article.id);
			ps.setString(2, stored.fileName());
			ps.setString(3, stored.contentType());
			ps.setLong(4, stored.size());
			ps.setString(5, stored.sha256());
			ps.setString(6, stored.key());
			ps.setString(7, actor.username());
			ps.setObject(8, now);
			return ps;
		}, keys);
		audit.record(AuditRecord.of(AuditAction.KB_FILE_ADDED, "kb_article", article.id,
				stored.fileName() + " " + stored.size() + " B sha256=" + stored.sha256()));
		return new ArticleAttachment(keys.getKey().longValue(), stored.fileName(),
				stored.contentType(), stored.size(), stored.sha256(), actor.username(), now);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ArticleAttachment> attachments(ArticleId id) {
		var actor = current.get().require(Permission.KNOWLEDGE_READ);
		var row = rows.find(id.value()).filter(r -> readable(actor, r.article())).orElseThrow(() -> missing(id));
		return jdbc.query("select id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at"
				+ " from kb_attachment where article_id = ? order by id", (rs, n) -> attachment(rs), row.article().id);
	}

	@Override
	@Transactional(readOnly = true)
	public AttachmentDownload openAttachment(ArticleId id, long attachmentId) {
		var actor = current.get().require(Permission.KNOWLEDGE_READ);
		var row = rows.find(id.value()).filter(r -> readable(actor, r.article())).orElseThrow(() -> missing(id));
		var found = jdbc.query("select id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at,"
				+ " storage_key from kb_attachment where article_id = ? and id = ?",
				(rs, n) -> new Object[] { attachment(rs), rs.getString("storage_key") }, row.article().id, attachmentId);
		if (found.isEmpty()) {
			throw new NotFoundException("附件", attachmentId);
		}
		return new AttachmentDownload((ArticleAttachment) found.getFirst()[0],
				files.open(FILE_AREA, (String) found.getFirst()[1]));
	}

	private static ArticleAttachment attachment(ResultSet rs)
			throws SQLException {
		return new ArticleAttachment(rs.getLong("id"), rs.getString("file_name"),
				rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
				rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class));
	}

	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public int rebuildIndex() {
		current.get().require(Permission.KNOWLEDGE_ADMIN);
		int count = keeper.rebuild();
		audit.record(AuditRecord.of(AuditAction.KB_INDEX_REBUILT, "kb_index", null, count + " articles"));
		return count;
	}

	// --- rules -------------------------------------------------------------------------------

	/** Published articles are for every reader; others only for editors and reviewers in scope. */
	private boolean readable(Actor actor, Article a) {
		return a.state() == ArticleState.PUBLISHED || editorial(actor, a);
	}

	private boolean editorial(Actor actor, Article a) {
		return writer(actor) && actor.scope().includes(new DepartmentId(a.departmentId));
	}

	private static boolean writer(Actor actor) {
		return actor.can(Permission.KNOWLEDGE_EDIT) || actor.can(Permission.KNOWLEDGE_REVIEW);
	}

	private Article lockEditable(Actor actor, ArticleId id) {
		var row = rows.lock(id.value()).orElseThrow(() -> missing(id));
		if (!readable(actor, row.article())) {
			throw missing(id);
		}
		checkDepartment(actor, row.article().departmentId);
		return row.article();
	}

	private Article lockReviewable(Actor actor, ArticleId id) {
		var row = rows.lock(id.value()).orElseThrow(() -> missing(id));
		if (!readable(actor, row.article())) {
			throw missing(id);
		}
		checkReviewer(actor, row.article());
		return row.article();
	}

	/** Editors write for departments in their data scope. */
	private void checkDepartment(Actor actor, long department) {
		var d = directory.get(new DepartmentId(department))
			.orElseThrow(() -> new InvalidFieldException("departmentId", "没有部门 " + department));
		if (!actor.scope().includes(d.id())) {
			throw new AccessDeniedException(
					actor.username() + " may not write articles of department " + department);
		}
		if (!d.enabled()) {
			throw new InvalidFieldException("departmentId", "部门「" + d.name() + "」已停用");
		}
	}

	/**
	 * The owning department reviews its own articles: a reviewer of that department or of one
	 * above it (the center's supervisors review the center's articles).
	 */
	private void checkReviewer(Actor actor, Article a) {
		var owner = new DepartmentId(a.departmentId);
		if (!owner.equals(actor.departmentId()) && !directory.isBelow(owner, actor.departmentId())) {
			throw new AccessDeniedException(actor.username()
					+ " does not review the articles of department " + a.departmentId);
		}
	}

	private long department(String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidFieldException("department", "请填写知识的所属部门（编号或完整名称）");
		}
		var v = value.strip();
		if (v.chars().allMatch(Character::isDigit) && v.length() < 18) {
			return Long.parseLong(v);
		}
		var named = directory.named(v);
		if (named.isEmpty()) {
			throw new InvalidFieldException("department", "没有名为「" + v + "」的部门");
		}
		if (named.size() > 1) {
			throw new InvalidFieldException("department",
					"有 " + named.size() + " 个部门名为「" + v + "」：请改填部门编号");
		}
		return named.get(0).id().value();
	}

	private static ArticleType type(String value) {
		try {
			return ArticleType.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldException("type", "知识类型须为以下之一：" + List.of(ArticleType.values()));
		}
	}

	private static String externalId(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		var v = value.strip();
		if (v.length() > 100) {
			throw new InvalidFieldException("externalId", "外部编号最多 100 个字符");
		}
		return v;
	}

	/** Checks and normalizes what an article says; the body is made safe HTML. */
	private ArticleContent clean(ArticleType type, ArticleContent c) {
		if (c == null) {
			throw new InvalidFieldException("title", "请填写知识的标题和正文");
		}
		var title = required(c.title(), "title", "An article needs a title", 300);
		var rawBody = c.body() == null ? "" : c.body().strip();
		if (rawBody.isEmpty()) {
			throw new InvalidFieldException("body", "请填写知识正文");
		}
		var body = SafeHtml.clean(rawBody);
		if (body.length() > 100_000) {
			throw new InvalidFieldException("body", "正文最多 100,000 个字符");
		}
		if (type == ArticleType.SCRIPT) {
			var m = PLACEHOLDER.matcher(body);
			while (m.find()) {
				if (!PLACEHOLDERS.contains(m.group(1))) {
					throw new InvalidFieldException("body", "未知的占位符 {" + m.group(1) + "}；可用的有 "
							+ PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList());
				}
			}
		}
		var questions = distinct(c.questions(), "questions", 50, 500);
		if (type == ArticleType.FAQ && questions.isEmpty()) {
			throw new InvalidFieldException("questions", "问答至少需要一种问法");
		}
		var tags = distinct(c.tags(), "tags", 20, 50);
		if (tags.stream().anyMatch(t -> t.contains(","))) {
			throw new InvalidFieldException("tags", "标签不能含逗号");
		}
		var regions = distinct(c.regions(), "regions", 100, 9);
		for (var region : regions) {
			if (!DivisionCode.isWellFormed(region) || divisions.find(new DivisionCode(region)).isEmpty()) {
				throw new InvalidFieldException("regions", "「" + region + "」不是已知的行政区划代码");
			}
		}
		if (c.effectiveFrom() != null && c.expiresAt() != null && c.expiresAt().isBefore(c.effectiveFrom())) {
			throw new InvalidFieldException("expiresAt", "失效日期早于生效日期");
		}
		var source = blank(c.sourceUrl());
		if (source != null) {
			try {
				var uri = URI.create(source);
				if (source.length() > 1000 || uri.getHost() == null
						|| !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
					throw new IllegalArgumentException();
				}
			}
			catch (IllegalArgumentException e) {
				throw new InvalidFieldException("sourceUrl", "来源须为 http 或 https 链接");
			}
		}
		return new ArticleContent(title, body, questions, tags, regions, c.effectiveFrom(), c.expiresAt(), source);
	}

	private static List<String> distinct(List<String> values, String field, int most, int longest) {
		var out = new LinkedHashSet<String>();
		for (var v : values == null ? List.<String>of() : values) {
			var s = v == null ? "" : v.strip().replace('\n', ' ');
			if (s.isEmpty()) {
				continue;
			}
			if (s.length() > longest) {
				throw new InvalidFieldException(field, "每项最多 " + longest + " 个字符");
			}
			out.add(s);
		}
		if (out.size() > most) {
			throw new InvalidFieldException(field, "最多 " + most + " 项");
		}
		return List.copyOf(out);
	}

	private static String required(String value, String field, String message, int max) {
		var v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			throw new InvalidFieldException(field, message);
		}
		if (v.length() > max) {
			throw new InvalidFieldException(field, "最多 " + max + " 个字符");
		}
		return v;
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	private static NotFoundException missing(ArticleId id) {
		return new NotFoundException("知识", id.value());
	}

	// --- views -------------------------------------------------------------------------------

	private ArticleView view(long id, Actor actor) {
		return view(rows.find(id).orElseThrow(), actor);
	}

	private ArticleView view(ArticleRows.Row row, Actor actor) {
		var a = row.article();
		var published = a.publishedVersion() == null ? null : rows.version(a.id, a.publishedVersion()).orElse(null);
		var draft = a.draftVersion() == null || !editorial(actor, a) ? null
				: rows.version(a.id, a.draftVersion()).orElse(null);
		var name = directory.names(List.of(a.departmentId)).get(a.departmentId);
		return new ArticleView(a.id, a.externalId, a.type, a.state(), a.departmentId, name, published, draft,
				draft == null ? null : a.draftStatus(), editorial(actor, a) ? a.reviewComment() : null,
				a.retiredReason(), row.usedCount(), row.createdBy(), row.createdAt(), row.updatedAt(),
				allowedActions(actor, a));
	}

	/**
	 * What the article allows now, of what the person may do at all: editing and review only for the
	 * departments in their scope, feedback for every reader.
	 */
	private List<ArticleAction> allowedActions(Actor actor, Article a) {
		return a.allowed().stream()
			.filter(actor::mayTake)
			.filter(action -> action.permission() == Permission.KNOWLEDGE_READ || editorial(actor, a))
			.toList();
	}
}
