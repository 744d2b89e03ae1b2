package org.minsheng.workorder.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.category.Categories;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.DepartmentDirectory;
import org.minsheng.identity.DepartmentId;
import org.minsheng.identity.Permission;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.TableCache;
import org.minsheng.platform.NotFoundException;
import org.minsheng.region.DivisionCode;
import org.minsheng.workorder.DispatchAdvisor;
import org.minsheng.workorder.DispatchSuggestion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The responsibility list (权责清单): a category (any level, or any) in a region (any level, or
 * anywhere) belongs to a department. The most specific matching rule wins: a deeper category
 * first, then a smaller region. When two equally specific rules name different departments the
 * list is not sure, and a person decides.
 */
@Component
class ResponsibilityList implements DispatchAdvisor {

	static final String SOURCE = "responsibility-list";

	static final double CERTAIN = 1.0;

	static final double AMBIGUOUS = 0.5;

	record Rule(long id, Long categoryId, String divisionCode, long departmentId, List<Long> coDepartmentIds,
			boolean enabled, String note) {

		boolean matches(List<Long> categoryLineage, String orderDivision) {
			return enabled && (categoryId == null || categoryLineage.contains(categoryId))
					&& (divisionCode == null || (orderDivision != null && orderDivision.startsWith(divisionCode)));
		}

		int specificity(List<Long> categoryLineage) {
			int depth = categoryId == null ? 0 : categoryLineage.indexOf(categoryId) + 1;
			return depth * 100 + (divisionCode == null ? 0 : divisionCode.length());
		}
	}

	private final JdbcTemplate jdbc;

	private final Categories categories;

	private final DepartmentDirectory directory;

	private final CurrentActor current;

	private final AuditTrail audit;

	private final Clock clock;

	private final TableCache<List<Rule>> cache = new TableCache<>(this::load);

	ResponsibilityList(JdbcTemplate jdbc, Categories categories, DepartmentDirectory directory, CurrentActor current,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.directory = directory;
		this.current = current;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public List<DispatchSuggestion> advise(DispatchCase order) {
		var lineage = order.categoryLineage();
		var matching = rules().stream().filter(r -> r.matches(lineage, order.divisionCode())).toList();
		if (matching.isEmpty()) {
			return List.of();
		}
		int best = matching.stream().mapToInt(r -> r.specificity(lineage)).max().orElseThrow();
		var top = matching.stream().filter(r -> r.specificity(lineage) == best).toList();
		boolean agreed = top.stream().map(Rule::departmentId).distinct().count() == 1;
		var suggestions = new ArrayList<DispatchSuggestion>();
		matching.stream()
			.sorted(Comparator.comparingInt((Rule r) -> r.specificity(lineage)).reversed().thenComparingLong(Rule::id))
			.forEach(r -> {
				if (suggestions.stream().noneMatch(s -> s.department().value() == r.departmentId())) {
					double confidence = r.specificity(lineage) == best ? (agreed ? CERTAIN : AMBIGUOUS) : AMBIGUOUS / 2;
					suggestions.add(new DispatchSuggestion(new DepartmentId(r.departmentId()),
							r.coDepartmentIds().stream().map(DepartmentId::new).toList(), confidence, SOURCE,
							"权责清单 #" + r.id() + describe(r)));
				}
			});
		return suggestions;
	}

	private String describe(Rule r) {
		var parts = new ArrayList<String>();
		if (r.categoryId() != null) {
			categories.find(r.categoryId()).ifPresent(c -> parts.add(c.path()));
		}
		if (r.divisionCode() != null) {
			parts.add(r.divisionCode());
		}
		return parts.isEmpty() ? "" : "（" + String.join("，", parts) + "）";
	}

	List<Rule> rules() {
		return cache.get();
	}

	private List<Rule> load() {
		return jdbc.query("select id, category_id, division_code, department_id, co_department_ids, enabled, note"
				+ " from responsibility_rule order by id", (rs, n) -> new Rule(rs.getLong("id"),
						rs.getObject("category_id", Long.class), rs.getString("division_code"),
						rs.getLong("department_id"), ids(rs.getString("co_department_ids")), rs.getBoolean("enabled"),
						rs.getString("note")));
	}

	@Transactional
	Rule add(Long categoryId, String divisionCode, long departmentId, List<Long> coDepartmentIds, String note) {
		require();
		if (categoryId != null && categories.find(categoryId).isEmpty()) {
			throw new InvalidFieldException("categoryId", "没有分类 " + categoryId);
		}
		if (divisionCode != null && !DivisionCode.isWellFormed(divisionCode)) {
			throw new InvalidFieldException("divisionCode", "不是行政区划代码：" + divisionCode);
		}
		if (directory.get(new DepartmentId(departmentId)).isEmpty()) {
			throw new InvalidFieldException("departmentId", "没有部门 " + departmentId);
		}
		var co = coDepartmentIds == null ? List.<Long>of() : List.copyOf(coDepartmentIds);
		for (int i = 0; i < co.size(); i++) {
			if (directory.get(new DepartmentId(co.get(i))).isEmpty() || co.get(i) == departmentId) {
				throw new InvalidFieldException("coDepartmentIds[" + i + "]", "不是可以协办的部门：" + co.get(i));
			}
		}
		var keys = new GeneratedKeyHolder();
		jdbc.update(con -> {
			var ps = con.prepareStatement("insert into responsibility_rule (category_id, division_code, department_id,"
					+ " co_department_ids, note, created_at) values (?, ?, ?, ?, ?, ?)", new String[] { "id" });
			ps.setObject(1, categoryId);
			ps.setString(2, divisionCode);
			ps.setLong(3, departmentId);
			ps.setString(4, co.isEmpty() ? null : String.join(",", co.stream().map(String::valueOf).toList()));
			ps.setString(5, note);
			ps.setObject(6, OffsetDateTime.now(clock));
			return ps;
		}, keys);
		long id = keys.getKey().longValue();
		audit.record(AuditRecord.of(AuditAction.RESPONSIBILITY_RULE_ADDED, "responsibility_rule", id,
				categoryId + " " + divisionCode + " -> " + departmentId));
		cache.invalidate();
		return new Rule(id, categoryId, divisionCode, departmentId, co, true, note);
	}

	@Transactional
	void remove(long id) {
		require();
		if (jdbc.update("delete from responsibility_rule where id = ?", id) == 0) {
			throw new NotFoundException("权责清单条目", id);
		}
		audit.record(AuditRecord.of(AuditAction.RESPONSIBILITY_RULE_REMOVED, "responsibility_rule", id, null));
		cache.invalidate();
	}

	private void require() {
		current.get().require(Permission.SLA_ADMIN);
	}


	private static List<Long> ids(String csv) {
		return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(Long::valueOf).toList();
	}
}
