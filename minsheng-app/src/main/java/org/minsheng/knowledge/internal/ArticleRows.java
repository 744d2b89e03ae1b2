package org.minsheng.knowledge.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.minsheng.identity.DataScope;
import org.minsheng.knowledge.ArticleContent;
import org.minsheng.knowledge.ArticleQuery;
import org.minsheng.knowledge.ArticleState;
import org.minsheng.knowledge.ArticleType;
import org.minsheng.knowledge.ArticleView;
import org.minsheng.knowledge.DraftStatus;
import org.minsheng.knowledge.KnowledgeBase.ArticleSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The rows of articles and their versions. */
@Repository
class ArticleRows {

	private static final String ARTICLE = "a.id, a.external_id, a.type, a.department_id, a.state, a.published_version,"
			+ " a.draft_version, a.draft_status, a.review_comment, a.retired_reason, a.used_count, a.created_by,"
			+ " a.created_at, a.updated_at,"
			+ " (select max(v.version) from kb_article_version v where v.article_id = a.id) as last_version";

	private static final String VERSION = "version, title, body, questions, tags, regions, effective_from, expires_at,"
			+ " source_url, edited_by, edited_at, approved_by, approved_at";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	ArticleRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/** The article's bookkeeping as stored. */
	record Row(Article article, long usedCount, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
	}

	void insert(Article a, String by, OffsetDateTime now) {
		var keys = new GeneratedKeyHolder();
		jdbc.update(con -> {
			var ps = con.prepareStatement("insert into kb_article (external_id, type, department_id, state,"
					+ " published_version, draft_version, draft_status, review_comment, created_by, created_at, updated_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			ps.setString(1, a.externalId);
			ps.setString(2, a.type.name());
			ps.setLong(3, a.departmentId);
			ps.setString(4, a.state().name());
			ps.setObject(5, a.publishedVersion());
			ps.setObject(6, a.draftVersion());
			ps.setString(7, a.draftStatus() == null ? null : a.draftStatus().name());
			ps.setString(8, a.reviewComment());
			ps.setString(9, by);
			ps.setObject(10, now);
			ps.setObject(11, now);
			return ps;
		}, keys);
		a.id = keys.getKey().longValue();
	}

	void save(Article a, OffsetDateTime now) {
		jdbc.update("update kb_article set state = ?, published_version = ?, draft_version = ?, draft_status = ?,"
				+ " review_comment = ?, retired_reason = ?, updated_at = ? where id = ?", a.state().name(),
				a.publishedVersion(), a.draftVersion(), a.draftStatus() == null ? null : a.draftStatus().name(),
				a.reviewComment(), a.retiredReason(), now, a.id);
	}

	Optional<Row> find(long id) {
		return jdbc.query("select " + ARTICLE + " from kb_article a where a.id = ?", this::row, id).stream().findFirst();
	}

	/** The article, its row locked until the transaction ends: steps on one article take turns. */
	Optional<Row> lock(long id) {
		return jdbc.query("select " + ARTICLE + " from kb_article a where a.id = ? for update", this::row, id)
			.stream()
			.findFirst();
	}

	Optional<Long> idOf(String externalId) {
		return jdbc.queryForList("select id from kb_article where external_id = ?", Long.class, externalId)
			.stream()
			.findFirst();
	}

	void insertVersion(long articleId, int version, ArticleContent c, String by, OffsetDateTime at) {
		jdbc.update("insert into kb_article_version (article_id, version, title, body, questions, tags, regions,"
				+ " effective_from, expires_at, source_url, edited_by, edited_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				articleId, version, c.title(), c.body(), lines(c.questions()), csv(c.tags()), csv(c.regions()),
				c.effectiveFrom(), c.expiresAt(), c.sourceUrl(), by, at);
	}

	void updateVersion(long articleId, int version, ArticleContent c, String by, OffsetDateTime at) {
		jdbc.update("update kb_article_version set title = ?, body = ?, questions = ?, tags = ?, regions = ?,"
				+ " effective_from = ?, expires_at = ?, source_url = ?, edited_by = ?, edited_at = ?"
				+ " where article_id = ? and version = ?", c.title(), c.body(), lines(c.questions()), csv(c.tags()),
				csv(c.regions()), c.effectiveFrom(), c.expiresAt(), c.sourceUrl(), by, at, articleId, version);
	}

	void deleteVersion(long articleId, int version) {
		jdbc.update("delete from kb_article_version where article_id = ? and version = ?", articleId, version);
	}

	void approveVersion(long articleId, int version, String by, OffsetDateTime at, String comment) {
		jdbc.update("update kb_article_version set approved_by = ?, approved_at = ?, review_comment = ?"
				+ " where article_id = ? and version = ?", by, at, comment, articleId, version);
	}

	Optional<ArticleView.Version> version(long articleId, int version) {
		return jdbc.query("select " + VERSION + " from kb_article_version where article_id = ? and version = ?",
				(rs, n) -> version(rs), articleId, version).stream().findFirst();
	}

	List<ArticleView.Version> versions(long articleId) {
		return jdbc.query("select " + VERSION + " from kb_article_version where article_id = ? order by version",
				(rs, n) -> version(rs), articleId);
	}

	/** The content readers get (the published version, else the draft) of each article, in one read. */
	Map<Long, ArticleContent> currentContents(List<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		var out = new HashMap<Long, ArticleContent>();
		named.query("select a.id, v.version, v.title, v.body, v.questions, v.tags, v.regions, v.effective_from,"
				+ " v.expires_at, v.source_url, v.edited_by, v.edited_at, v.approved_by, v.approved_at"
				+ " from kb_article a join kb_article_version v on v.article_id = a.id"
				+ " and v.version = coalesce(a.published_version, a.draft_version) where a.id in (:ids)",
				new MapSqlParameterSource("ids", ids), rs -> {
					out.put(rs.getLong("id"), version(rs).content());
				});
		return out;
	}

	void markUsed(long id) {
		jdbc.update("update kb_article set used_count = used_count + 1 where id = ?", id);
	}

	ArticlePageRows list(ArticleQuery q, DataScope scope, boolean publishedOnlyOutsideScope) {
		var where = new StringBuilder(" where 1 = 1");
		var p = new MapSqlParameterSource();
		if (q.type() != null) {
			where.append(" and a.type = :type");
			p.addValue("type", q.type().name());
		}
		if (q.state() != null) {
			where.append(" and a.state = :state");
			p.addValue("state", q.state().name());
		}
		if (q.draftStatus() != null) {
			where.append(" and a.draft_status = :draftStatus");
			p.addValue("draftStatus", q.draftStatus().name());
		}
		if (q.departmentId() != null) {
			where.append(" and a.department_id = :department");
			p.addValue("department", q.departmentId());
		}
		if (!scope.all()) {
			if (publishedOnlyOutsideScope) {
				where.append(" and (a.department_id in (:scope) or a.state = 'PUBLISHED')");
			}
			else {
				where.append(" and a.department_id in (:scope)");
			}
			p.addValue("scope", scope.departmentIds().isEmpty() ? List.of(-1L) : scope.departmentIds());
		}
		if (q.words() != null && !q.words().isBlank()) {
			where.append(" and v.title like :words escape '\\'");
			p.addValue("words", "%" + q.words().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		var from = " from kb_article a join kb_article_version v on v.article_id = a.id"
				+ " and v.version = coalesce(a.draft_version, a.published_version)";
		long total = named.queryForObject("select count(*)" + from + where, p, Long.class);
		p.addValue("offset", (long) q.page() * q.size()).addValue("size", q.size());
		var items = named.query("select a.id, a.external_id, a.type, a.state, a.draft_status, v.title, a.department_id,"
				+ " a.published_version, v.expires_at, a.used_count, a.updated_at" + from + where
				+ " order by a.updated_at desc, a.id desc offset :offset rows fetch next :size rows only", p,
				(rs, n) -> new ArticleSummary(rs.getLong("id"), rs.getString("external_id"),
						ArticleType.valueOf(rs.getString("type")), ArticleState.valueOf(rs.getString("state")),
						rs.getString("draft_status") == null ? null : DraftStatus.valueOf(rs.getString("draft_status")),
						rs.getString("title"), rs.getLong("department_id"), null,
						(Integer) rs.getObject("published_version", Integer.class),
						rs.getObject("expires_at", LocalDate.class), rs.getLong("used_count"),
						rs.getObject("updated_at", OffsetDateTime.class)));
		return new ArticlePageRows(items, total);
	}

	record ArticlePageRows(List<ArticleSummary> items, long total) {
	}

	/** Every published article as the index holds it, streamed. */
	void eachPublished(Consumer<KnowledgeIndex.Entry> each) {
		var streaming = new JdbcTemplate(jdbc.getDataSource());
		streaming.setFetchSize(1_000);
		streaming.query("select a.id, a.external_id, a.type, a.department_id, a.published_version, v.title, v.body,"
				+ " v.questions, v.regions, v.effective_from, v.expires_at from kb_article a join kb_article_version v"
				+ " on v.article_id = a.id and v.version = a.published_version where a.state = 'PUBLISHED'",
				rs -> {
					each.accept(entry(rs));
				});
	}

	/** The article as the index should hold it; empty when it has nothing searchable. */
	Optional<KnowledgeIndex.Entry> entry(long id) {
		return jdbc.query("select a.id, a.external_id, a.type, a.department_id, a.published_version, v.title, v.body,"
				+ " v.questions, v.regions, v.effective_from, v.expires_at from kb_article a join kb_article_version v"
				+ " on v.article_id = a.id and v.version = a.published_version where a.state = 'PUBLISHED' and a.id = ?",
				(rs, n) -> entry(rs), id).stream().findFirst();
	}

	/** Articles changed at or after the moment, with the latest change time seen. */
	List<Object[]> changedSince(OffsetDateTime since) {
		return jdbc.query("select id, updated_at from kb_article where updated_at >= ? order by updated_at",
				(rs, n) -> new Object[] { rs.getLong(1), rs.getObject(2, OffsetDateTime.class) }, since);
	}

	long publishedCount() {
		return jdbc.queryForObject("select count(*) from kb_article where state = 'PUBLISHED'", Long.class);
	}

	/** Published articles whose published version ended before the day. */
	List<Long> expiredBefore(LocalDate day) {
		return jdbc.queryForList("select a.id from kb_article a join kb_article_version v on v.article_id = a.id"
				+ " and v.version = a.published_version where a.state = 'PUBLISHED' and v.expires_at < ?", Long.class, day);
	}

	private KnowledgeIndex.Entry entry(ResultSet rs) throws SQLException {
		return new KnowledgeIndex.Entry(rs.getLong("id"), rs.getString("external_id"),
				ArticleType.valueOf(rs.getString("type")), rs.getLong("department_id"), split(rs.getString("regions")),
				rs.getObject("effective_from", LocalDate.class), rs.getObject("expires_at", LocalDate.class),
				rs.getString("title"), lines(rs.getString("questions")), SafeHtml.text(rs.getString("body")),
				rs.getInt("published_version"));
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		var article = Article.restore(rs.getLong("id"), rs.getString("external_id"),
				ArticleType.valueOf(rs.getString("type")), rs.getLong("department_id"),
				ArticleState.valueOf(rs.getString("state")), (Integer) rs.getObject("published_version", Integer.class),
				(Integer) rs.getObject("draft_version", Integer.class),
				rs.getString("draft_status") == null ? null : DraftStatus.valueOf(rs.getString("draft_status")),
				rs.getString("review_comment"), rs.getString("retired_reason"), rs.getInt("last_version"));
		return new Row(article, rs.getLong("used_count"), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
	}

	private static ArticleView.Version version(ResultSet rs) throws SQLException {
		var content = new ArticleContent(rs.getString("title"), rs.getString("body"), lines(rs.getString("questions")),
				split(rs.getString("tags")), split(rs.getString("regions")),
				rs.getObject("effective_from", LocalDate.class), rs.getObject("expires_at", LocalDate.class),
				rs.getString("source_url"));
		return new ArticleView.Version(rs.getInt("version"), content, rs.getString("edited_by"),
				rs.getObject("edited_at", OffsetDateTime.class), rs.getString("approved_by"),
				rs.getObject("approved_at", OffsetDateTime.class));
	}

	private static String lines(List<String> values) {
		return values.isEmpty() ? null : String.join("\n", values);
	}

	private static List<String> lines(String value) {
		return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split("\n"));
	}

	private static String csv(List<String> values) {
		return values.isEmpty() ? null : String.join(",", values);
	}

	private static List<String> split(String value) {
		return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split(","));
	}
}
