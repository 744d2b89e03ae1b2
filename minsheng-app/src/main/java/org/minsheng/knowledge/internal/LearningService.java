package org.minsheng.knowledge.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.identity.Actor;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.DepartmentDirectory;
import org.minsheng.identity.Permission;
import org.minsheng.knowledge.ArticleContent;
import org.minsheng.knowledge.ArticleId;
import org.minsheng.knowledge.ArticleState;
import org.minsheng.knowledge.ArticleType;
import org.minsheng.knowledge.ArticleView;
import org.minsheng.knowledge.ChineseScript;
import org.minsheng.knowledge.KnowledgeBase;
import org.minsheng.knowledge.KnowledgeLearning;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The learning reports, read from the query log, the feedback and the articles. Questions count
 * as the same when they are equal after folding (Simplified, lower case, no spaces or
 * punctuation); unanswered questions are grouped greedily by the overlap of their words (Jaccard
 * ≥ 0.5), the most asked form naming the group.
 */
@Service
@Transactional(readOnly = true)
class LearningService implements KnowledgeLearning {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** The best article covered less than this share of the question's words: not a good answer. */
	static final double POOR_COVERAGE = 0.5;

	static final double SAME_GROUP = 0.5;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final CurrentActor current;

	private final DepartmentDirectory directory;

	private final KnowledgeBase knowledge;

	private final ArticleRows articles;

	private final AuditTrail audit;

	private final Clock clock;

	private final Analyzer words = ChineseText.words();

	LearningService(JdbcTemplate jdbc, CurrentActor current, DepartmentDirectory directory, KnowledgeBase knowledge,
			ArticleRows articles, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.current = current;
		this.directory = directory;
		this.knowledge = knowledge;
		this.articles = articles;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void feedback(ArticleId id, boolean helpful, String comment, String source) {
		var actor = current.get().require(Permission.KNOWLEDGE_READ);
		var row = articles.find(id.value())
			.filter(r -> r.article().state() == ArticleState.PUBLISHED)
			.orElseThrow(() -> new NotFoundException("知识", id.value()));
		var text = comment == null || comment.isBlank() ? null : comment.strip();
		if (text != null && text.length() > 500) {
			throw new InvalidFieldException("comment", "最多 500 个字符");
		}
		var from = source == null || source.isBlank() ? "CONSOLE" : source.strip().toUpperCase(Locale.ROOT);
		if (from.length() > 16) {
			throw new InvalidFieldException("source", "最多 16 个字符");
		}
		jdbc.update("insert into kb_feedback (article_id, helpful, comment, source, username, occurred_at)"
				+ " values (?, ?, ?, ?, ?, ?)", row.article().id, helpful, text, from, actor.username(),
				OffsetDateTime.now(clock));
	}

	@Override
	public List<HotQuestion> hotQuestions(Period period, LocalDate day, int top) {
		requireEditor();
		int days = period == Period.WEEK ? 7 : 1;
		var end = (day == null ? LocalDate.now(clock) : day).plusDays(1);
		var start = end.minusDays(days);
		var now = count(start, end);
		var before = count(start.minusDays(days), start);
		return now.values()
			.stream()
			.sorted(Comparator.comparingLong(Asked::count).reversed().thenComparing(Asked::shown))
			.limit(limit(top))
			.map(a -> {
				long previous = before.containsKey(a.key()) ? before.get(a.key()).count() : 0;
				double change = previous == 0 ? 1.0 : (a.count() - previous) / (double) previous;
				return new HotQuestion(a.shown(), a.count(), previous, Math.round(change * 1000) / 1000.0);
			})
			.toList();
	}

	/** One question as asked, counted under its folded form; {@code shown} is its most frequent wording. */
	private record Asked(String key, String shown, long count, OffsetDateTime last, Map<String, Long> forms) {
	}

	private Map<String, Asked> count(LocalDate from, LocalDate to) {
		return group(jdbc.query("select query, occurred_at from kb_query_log where occurred_at >= ? and occurred_at < ?"
				+ " and source in ('SEARCH', 'ASSIST', 'BOT') and query <> '' order by occurred_at",
				(rs, n) -> new Object[] { rs.getString(1), rs.getObject(2, OffsetDateTime.class) }, start(from),
				start(to)));
	}

	private static Map<String, Asked> group(List<Object[]> rows) {
		var byKey = new LinkedHashMap<String, Map<String, Long>>();
		var last = new HashMap<String, OffsetDateTime>();
		for (var r : rows) {
			var query = (String) r[0];
			var key = fold(query);
			if (key.isEmpty()) {
				continue;
			}
			byKey.computeIfAbsent(key, k -> new HashMap<>()).merge(query.strip(), 1L, Long::sum);
			last.merge(key, (OffsetDateTime) r[1], (a, b) -> a.isAfter(b) ? a : b);
		}
		var out = new LinkedHashMap<String, Asked>();
		byKey.forEach((key, forms) -> {
			var shown = forms.entrySet()
				.stream()
				.max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
				.orElseThrow()
				.getKey();
			out.put(key, new Asked(key, shown, forms.values().stream().mapToLong(Long::longValue).sum(), last.get(key),
					forms));
		});
		return out;
	}

	static String fold(String question) {
		var simple = ChineseScript.toSimplified(question).toLowerCase(Locale.ROOT);
		var out = new StringBuilder(simple.length());
		simple.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
		return out.toString();
	}

	@Override
	public List<QuestionCluster> unanswered(LocalDate from, LocalDate to, int top) {
		requireEditor();
		var end = (to == null ? LocalDate.now(clock) : to).plusDays(1);
		var start = from == null ? end.minusDays(30) : from;
		var rows = jdbc.query("select query, occurred_at from kb_query_log where occurred_at >= ? and occurred_at < ?"
				+ " and query <> '' and (source = 'BOT_HANDOFF' or (source in ('SEARCH', 'ASSIST', 'BOT')"
				+ " and (shown is null or top_coverage < ?))) order by occurred_at",
				(rs, n) -> new Object[] { rs.getString(1), rs.getObject(2, OffsetDateTime.class) }, start(start), start(end),
				POOR_COVERAGE);
		var asked = new ArrayList<>(group(rows).values());
		asked.sort(Comparator.comparingLong(Asked::count).reversed().thenComparing(Asked::shown));
		// greedy grouping: each question joins the first group whose leading question it resembles
		var groups = new ArrayList<List<Asked>>();
		var leaders = new ArrayList<Set<String>>();
		for (var a : asked) {
			var terms = terms(a.shown());
			int joined = -1;
			for (int g = 0; g < groups.size() && joined < 0; g++) {
				if (jaccard(terms, leaders.get(g)) >= SAME_GROUP) {
					joined = g;
				}
			}
			if (joined < 0) {
				groups.add(new ArrayList<>(List.of(a)));
				leaders.add(terms);
			}
			else {
				groups.get(joined).add(a);
			}
		}
		return groups.stream()
			.map(g -> new QuestionCluster(g.get(0).shown(), g.stream().mapToLong(Asked::count).sum(),
					g.stream().map(Asked::shown).limit(10).toList(),
					g.stream().map(Asked::last).max(Comparator.naturalOrder()).orElse(null)))
			.sorted(Comparator.comparingLong(QuestionCluster::count).reversed())
			.limit(limit(top))
			.toList();
	}

	private Set<String> terms(String text) {
		return ChineseText.distinctWords(words, text);
	}

	private static double jaccard(Set<String> a, Set<String> b) {
		if (a.isEmpty() && b.isEmpty()) {
			return 1;
		}
		long both = a.stream().filter(b::contains).count();
		return both / (double) (a.size() + b.size() - both);
	}

	@Override
	@Transactional
	public ArticleView draftFromQuestions(List<String> questions, Long departmentId) {
		var actor = current.get().require(Permission.KNOWLEDGE_EDIT);
		var clean = questions == null ? List.<String>of()
				: questions.stream().filter(q -> q != null && !q.isBlank()).map(String::strip).distinct().toList();
		if (clean.isEmpty()) {
			throw new InvalidFieldException("questions", "请至少填写一个问题");
		}
		long department = departmentId != null ? departmentId : actor.departmentId().value();
		var title = clean.get(0).length() > 300 ? clean.get(0).substring(0, 300) : clean.get(0);
		var draft = knowledge.create(new KnowledgeBase.NewArticle(null, ArticleType.FAQ, department,
				new ArticleContent(title, "<p>（待补充答案：此条目由未解答的市民提问生成）</p>", clean.stream().limit(50).toList(),
						List.of("自学习"), List.of(), null, null, null)));
		audit.record(AuditRecord.of(AuditAction.KB_DRAFT_FROM_QUESTIONS, "kb_article", draft.id(), clean.size() + " questions"));
		return draft;
	}

	@Override
	public List<ArticleUse> neverUsed(int days) {
		var actor = requireEditor();
		var before = OffsetDateTime.now(clock).minusDays(Math.max(0, days));
		return uses("a.used_count = 0 and v.approved_at <= :before", new MapSqlParameterSource("before", before), actor,
				"a.id");
	}

	@Override
	public List<ArticleUse> expiringWithin(int days) {
		var actor = requireEditor();
		var today = LocalDate.now(clock);
		return uses("v.expires_at >= :today and v.expires_at <= :until",
				new MapSqlParameterSource("today", today).addValue("until", today.plusDays(Math.max(0, days))), actor,
				"v.expires_at, a.id");
	}

	private List<ArticleUse> uses(String condition, MapSqlParameterSource p, Actor actor, String order) {
		var scope = scope(actor, p);
		var rows = named.query("select a.id, v.title, a.type, a.department_id, a.used_count, v.expires_at"
				+ " from kb_article a join kb_article_version v on v.article_id = a.id and v.version = a.published_version"
				+ " where a.state = 'PUBLISHED' and " + condition + scope + " order by " + order
				+ " fetch first 500 rows only", p,
				(rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), ArticleType.valueOf(rs.getString(3)),
						rs.getLong(4), rs.getLong(5), rs.getObject(6, LocalDate.class) });
		var names = directory.names(rows.stream().map(r -> (Long) r[3]).toList());
		return rows.stream()
			.map(r -> new ArticleUse((Long) r[0], (String) r[1], (ArticleType) r[2], names.get((Long) r[3]), (Long) r[4],
					(LocalDate) r[5]))
			.toList();
	}

	@Override
	public List<ArticleFeedback> negativeFeedback(LocalDate from, LocalDate to) {
		var actor = requireEditor();
		var end = (to == null ? LocalDate.now(clock) : to).plusDays(1);
		var start = from == null ? end.minusDays(30) : from;
		var p = new MapSqlParameterSource("from", start(start)).addValue("to", start(end));
		var scope = scope(actor, p);
		var rows = named.query("select a.id, v.title, a.department_id,"
				+ " sum(case when f.helpful then 1 else 0 end) as helpful,"
				+ " sum(case when f.helpful then 0 else 1 end) as unhelpful"
				+ " from kb_feedback f join kb_article a on a.id = f.article_id"
				+ " join kb_article_version v on v.article_id = a.id and v.version = a.published_version"
				+ " where f.occurred_at >= :from and f.occurred_at < :to" + scope
				+ " group by a.id, v.title, a.department_id having sum(case when f.helpful then 0 else 1 end) > 0"
				+ " order by unhelpful desc, a.id fetch first 200 rows only", p,
				(rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) });
		var names = directory.names(rows.stream().map(r -> (Long) r[2]).toList());
		// the latest five comments of every listed article, in one read
		var comments = new HashMap<Long, List<String>>();
		if (!rows.isEmpty()) {
			named.query("select article_id, comment from kb_feedback where article_id in (:ids) and helpful = false"
					+ " and comment is not null order by occurred_at desc",
					new MapSqlParameterSource("ids", rows.stream().map(r -> (Long) r[0]).toList()), rs -> {
						var list = comments.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
						if (list.size() < 5) {
							list.add(rs.getString(2));
						}
					});
		}
		return rows.stream()
			.map(r -> new ArticleFeedback((Long) r[0], (String) r[1], names.get((Long) r[2]), (Long) r[3], (Long) r[4],
					comments.getOrDefault((Long) r[0], List.of())))
			.toList();
	}

	private static String scope(Actor actor, MapSqlParameterSource p) {
		if (actor.scope().all()) {
			return "";
		}
		p.addValue("scope", actor.scope().departmentIds().isEmpty() ? List.of(-1L) : actor.scope().departmentIds());
		return " and a.department_id in (:scope)";
	}

	private Actor requireEditor() {
		var actor = current.get().require(Permission.KNOWLEDGE_READ);
		if (!actor.can(Permission.KNOWLEDGE_EDIT) && !actor.can(Permission.KNOWLEDGE_REVIEW)) {
			throw new AccessDeniedException(
					actor.username() + " lacks " + Permission.KNOWLEDGE_EDIT);
		}
		return actor;
	}

	private static OffsetDateTime start(LocalDate day) {
		return day.atStartOfDay(SHANGHAI).toOffsetDateTime();
	}

	private static int limit(int top) {
		return top <= 0 ? 20 : Math.min(top, 200);
	}
}
