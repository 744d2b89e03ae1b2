package org.minsheng.workorder.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.category.Categories;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.TableCache;
import org.minsheng.platform.NotFoundException;
import org.minsheng.sla.SlaTerm;
import org.minsheng.workorder.RequestType;
import org.minsheng.workorder.SlaStage;
import org.minsheng.workorder.Urgency;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The SLA table (时限表): which time limit applies to an order at each stage. The most specific matching rule wins. */
@Component
class SlaRuleBook {

	/** Used only when the table has no rule for a stage at all. */
	private static final WorkOrder.Terms FALLBACK = new WorkOrder.Terms(SlaTerm.parse("1wd"), SlaTerm.parse("5wd"),
			SlaTerm.parse("3wd"));

	private final JdbcTemplate jdbc;

	private final Categories categories;

	private final CurrentActor current;

	private final AuditTrail audit;

	private final Clock clock;

	private final TableCache<List<SlaRule>> cache = new TableCache<>(this::load);

	SlaRuleBook(JdbcTemplate jdbc, Categories categories, CurrentActor current, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.current = current;
		this.audit = audit;
		this.clock = clock;
	}

	WorkOrder.Terms termsFor(Long categoryId, Urgency urgency, RequestType type, boolean complex) {
		var lineage = categoryId == null ? List.<Long>of()
				: categories.lineage(categoryId).stream().map(c -> c.id()).toList();
		return new WorkOrder.Terms(term(SlaStage.SIGN, lineage, urgency, type, complex, FALLBACK.sign()),
				term(SlaStage.HANDLE, lineage, urgency, type, complex, FALLBACK.handle()),
				term(SlaStage.CALLBACK, lineage, urgency, type, complex, FALLBACK.callback()));
	}

	private SlaTerm term(SlaStage stage, List<Long> lineage, Urgency urgency, RequestType type, boolean complex,
			SlaTerm fallback) {
		return rules().stream()
			.filter(r -> r.matches(stage, lineage, urgency, type, complex))
			.max(Comparator.comparingInt((SlaRule r) -> r.specificity(lineage)).thenComparingLong(SlaRule::id))
			.map(SlaRule::term)
			.orElse(fallback);
	}

	List<SlaRule> rules() {
		return cache.get();
	}

	private List<SlaRule> load() {
		return jdbc.query("select id, stage, category_id, urgency, request_type, complex, term from sla_rule"
				+ " order by id", (rs, n) -> new SlaRule(rs.getLong("id"), SlaStage.valueOf(rs.getString("stage")),
						rs.getObject("category_id", Long.class), enumOrNull(Urgency.class, rs.getString("urgency")),
						enumOrNull(RequestType.class, rs.getString("request_type")),
						rs.getObject("complex", Boolean.class), SlaTerm.parse(rs.getString("term"))));
	}

	@Transactional
	SlaRule add(SlaStage stage, Long categoryId, Urgency urgency, RequestType type, Boolean complex, String term) {
		require();
		if (stage == null) {
			throw new InvalidFieldException("stage", "请选择环节：SIGN（签收）、HANDLE（办理）或 CALLBACK（回访）");
		}
		SlaTerm parsed;
		try {
			parsed = SlaTerm.parse(term);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldException("term", e.getMessage());
		}
		if (categoryId != null && categories.find(categoryId).isEmpty()) {
			throw new InvalidFieldException("categoryId", "没有分类 " + categoryId);
		}
		var keys = new GeneratedKeyHolder();
		jdbc.update(con -> {
			var ps = con.prepareStatement("insert into sla_rule (stage, category_id, urgency, request_type, complex,"
					+ " term, created_at) values (?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			ps.setString(1, stage.name());
			ps.setObject(2, categoryId);
			ps.setString(3, urgency == null ? null : urgency.name());
			ps.setString(4, type == null ? null : type.name());
			ps.setObject(5, complex);
			ps.setString(6, parsed.toString());
			ps.setObject(7, OffsetDateTime.now(clock));
			return ps;
		}, keys);
		long id = keys.getKey().longValue();
		audit.record(AuditRecord.of(AuditAction.SLA_RULE_ADDED, "sla_rule", id,
				stage + " " + categoryId + " " + urgency + " " + type + " " + complex + " = " + parsed));
		cache.invalidate();
		return new SlaRule(id, stage, categoryId, urgency, type, complex, parsed);
	}

	@Transactional
	void remove(long id) {
		require();
		var rule = rules().stream().filter(r -> r.id() == id).findFirst()
			.orElseThrow(() -> new NotFoundException("时限规则", id));
		jdbc.update("delete from sla_rule where id = ?", id);
		audit.record(AuditRecord.of(AuditAction.SLA_RULE_REMOVED, "sla_rule", id, rule.toString()));
		cache.invalidate();
	}


	private void require() {
		current.get().require(Permission.SLA_ADMIN);
	}

	private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
		return value == null ? null : Enum.valueOf(type, value);
	}
}
