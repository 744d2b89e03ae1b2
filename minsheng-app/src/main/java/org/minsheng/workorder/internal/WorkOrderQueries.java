package org.minsheng.workorder.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.minsheng.category.Categories;
import org.minsheng.identity.Actor;
import org.minsheng.identity.DataScope;
import org.minsheng.identity.DepartmentDirectory;
import org.minsheng.workorder.RequestType;
import org.minsheng.workorder.Urgency;
import org.minsheng.workorder.WorkOrderNo;
import org.minsheng.workorder.WorkOrderQuery;
import org.minsheng.workorder.WorkOrderState;
import org.minsheng.workorder.WorkOrderSummary;
import org.minsheng.workorder.WorkOrders;
import org.minsheng.workorder.WorkOrders.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Order lists: filtered searches, department inboxes and caller history, always inside the actor's scope. */
@Component
class WorkOrderQueries {

	private static final String COLUMNS = "o.id, o.order_no, o.title, o.state, o.request_type, o.urgency,"
			+ " o.category_id, o.lead_department_id, o.holder_department_id, o.due_at, o.warning, o.supervised,"
			+ " o.caller_phone_cipher, o.confidential, o.registered_at";

	private static final List<String> OPEN = List.of(WorkOrderState.values())
		.stream()
		.filter(WorkOrderState::open)
		.map(Enum::name)
		.toList();

	private final NamedParameterJdbcTemplate named;

	private final Categories categories;

	private final DepartmentDirectory directory;

	private final WorkOrderViews views;

	private final Clock clock;

	WorkOrderQueries(JdbcTemplate jdbc, Categories categories, DepartmentDirectory directory, WorkOrderViews views,
			Clock clock) {
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.categories = categories;
		this.directory = directory;
		this.views = views;
		this.clock = clock;
	}

	Page<WorkOrderSummary> list(WorkOrderQuery q, DataScope scope, List<Long> categoryIds, String phoneIndex,
			Actor actor) {
		var where = new StringBuilder(" where 1 = 1");
		var p = new MapSqlParameterSource();
		if (!scope.all()) {
			if (scope.departmentIds().isEmpty()) {
				return new Page<>(List.of(), 0, q.page(), q.size());
			}
			where.append(" and exists (select 1 from work_order_assignment s where s.order_id = o.id"
					+ " and s.department_id in (:scope))");
			p.addValue("scope", scope.departmentIds());
		}
		if (!q.states().isEmpty()) {
			where.append(" and o.state in (:states)");
			p.addValue("states", q.states().stream().map(Enum::name).toList());
		}
		if (q.department() != null) {
			where.append(" and o.lead_department_id = :department");
			p.addValue("department", q.department().value());
		}
		if (categoryIds != null) {
			if (categoryIds.isEmpty()) {
				return new Page<>(List.of(), 0, q.page(), q.size());
			}
			where.append(" and o.category_id in (:categories)");
			p.addValue("categories", categoryIds);
		}
		if (q.urgency() != null) {
			where.append(" and o.urgency = :urgency");
			p.addValue("urgency", q.urgency().name());
		}
		if (q.due() != null) {
			switch (q.due()) {
				case SOON -> {
					var now = OffsetDateTime.now(clock);
					where.append(" and o.due_at >= :now and o.due_at < :soon and o.state in (:open)");
					p.addValue("now", now)
						.addValue("soon", now.plusHours(q.dueWithinHours() == null ? 24 : q.dueWithinHours()))
						.addValue("open", OPEN);
				}
				case OVERDUE -> where.append(" and o.warning = 'RED'");
				case WARNED -> where.append(" and o.warning in ('YELLOW', 'RED')");
			}
		}
		if (q.supervised()) {
			where.append(" and o.supervised = true and o.state in (:openStates)");
			p.addValue("openStates", OPEN);
		}
		if (q.registeredFrom() != null) {
			where.append(" and o.registered_at >= :from");
			p.addValue("from", q.registeredFrom());
		}
		if (q.registeredTo() != null) {
			where.append(" and o.registered_at < :to");
			p.addValue("to", q.registeredTo());
		}
		if (phoneIndex != null) {
			where.append(" and o.caller_phone_index = :phone");
			p.addValue("phone", phoneIndex);
		}
		if (q.text() != null && !q.text().isBlank()) {
			int i = 0;
			for (var word : q.text().strip().split("\\s+")) {
				var like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
				where.append(" and (o.title like :w" + i + " escape '\\' or o.content like :w" + i + " escape '\\')");
				p.addValue("w" + i, like);
				i++;
			}
		}
		Long total = named.queryForObject("select count(*) from work_order o" + where, p, Long.class);
		p.addValue("offset", (long) q.page() * q.size()).addValue("size", q.size());
		var rows = named.query("select " + COLUMNS + " from work_order o" + where
				+ " order by o.registered_at desc, o.id desc offset :offset rows fetch next :size rows only", p,
				WorkOrderQueries::row);
		return new Page<>(summaries(rows, actor), total == null ? 0 : total, q.page(), q.size());
	}

	Page<WorkOrderSummary> inbox(WorkOrders.InboxBox box, long department, int page, int size, Actor actor) {
		page = Math.max(page, 0);
		size = size <= 0 ? 50 : Math.min(size, 500);
		var p = new MapSqlParameterSource("department", department);
		var now = OffsetDateTime.now(clock);
		var condition = switch (box) {
			case TO_SIGN -> "a.state = 'DISPATCHED'";
			case IN_PROGRESS -> "a.state = 'SIGNED'";
			case DUE_SOON -> {
				p.addValue("now", now).addValue("soon", now.plusHours(24));
				yield "a.state in ('DISPATCHED', 'SIGNED') and o.warning <> 'RED' and o.due_at < :soon";
			}
			case OVERDUE -> "a.state in ('DISPATCHED', 'SIGNED') and o.warning = 'RED'";
			case RETURNED -> "a.state = 'SIGNED' and exists (select 1 from work_order_assignment c where c.parent_id = a.id"
					+ " and c.state = 'RETURNED') and not exists (select 1 from work_order_assignment c2"
					+ " where c2.parent_id = a.id and c2.state in ('DISPATCHED', 'SIGNED'))";
		};
		var from = " from work_order_assignment a join work_order o on o.id = a.order_id"
				+ " where a.department_id = :department and " + condition;
		Long total = named.queryForObject("select count(*)" + from, p, Long.class);
		p.addValue("offset", (long) page * size).addValue("size", size);
		var rows = named.query("select " + COLUMNS + from
				+ " order by o.due_at asc, o.id asc offset :offset rows fetch next :size rows only", p,
				WorkOrderQueries::row);
		return new Page<>(summaries(rows, actor), total == null ? 0 : total, page, size);
	}

	List<WorkOrderSummary> byPhone(String phoneIndex, DataScope scope, Actor actor) {
		var p = new MapSqlParameterSource("phone", phoneIndex);
		var sql = within(scope, "select " + COLUMNS + " from work_order o where o.caller_phone_index = :phone", p);
		return sql == null ? List.of() : summaries(named.query(sql + " order by o.registered_at desc, o.id desc"
				+ " fetch first 200 rows only", p, WorkOrderQueries::row), actor);
	}

	/**
	 * The query limited to orders ever assigned to a department of the scope; null when the scope
	 * holds no department, so nothing can be found.
	 */
	private static String within(DataScope scope, String sql, MapSqlParameterSource p) {
		if (scope.all()) return sql;
		if (scope.departmentIds().isEmpty()) return null;
		p.addValue("scope", scope.departmentIds());
		return sql + " and exists (select 1 from work_order_assignment s where s.order_id = o.id"
				+ " and s.department_id in (:scope))";
	}

	/** The orders registered during a call (the call's Call-ID on the order), within the scope. */
	List<WorkOrderSummary> byCall(String callId, DataScope scope, Actor actor) {
		var p = new MapSqlParameterSource("call", callId);
		var sql = within(scope, "select " + COLUMNS + " from work_order o where o.call_id = :call", p);
		return sql == null ? List.of() : summaries(named.query(sql + " order by o.registered_at, o.id"
				+ " fetch first 20 rows only", p, WorkOrderQueries::row), actor);
	}

	record Row(long id, String no, String title, String state, String requestType, String urgency, Long categoryId,
			Long lead, Long holder, OffsetDateTime dueAt, String warning, boolean supervised, String phoneCipher,
			boolean confidential, OffsetDateTime registeredAt) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("order_no"), rs.getString("title"), rs.getString("state"),
				rs.getString("request_type"), rs.getString("urgency"), rs.getObject("category_id", Long.class),
				rs.getObject("lead_department_id", Long.class), rs.getObject("holder_department_id", Long.class),
				rs.getObject("due_at", OffsetDateTime.class), rs.getString("warning"), rs.getBoolean("supervised"),
				rs.getString("caller_phone_cipher"), rs.getBoolean("confidential"),
				rs.getObject("registered_at", OffsetDateTime.class));
	}

	private List<WorkOrderSummary> summaries(List<Row> rows, Actor actor) {
		var ids = new HashSet<Long>();
		for (var r : rows) {
			if (r.lead() != null) {
				ids.add(r.lead());
			}
			if (r.holder() != null) {
				ids.add(r.holder());
			}
		}
		var names = directory.names(ids);
		var result = new ArrayList<WorkOrderSummary>(rows.size());
		for (var r : rows) {
			var state = WorkOrderState.valueOf(r.state());
			var caller = views.callerFor(r.confidential(), actor, null, null, r.phoneCipher());
			result.add(new WorkOrderSummary(new WorkOrderNo(r.no()), r.title(), state, state.label(),
					RequestType.valueOf(r.requestType()), Urgency.valueOf(r.urgency()),
					r.categoryId() == null ? null : categories.find(r.categoryId()).map(c -> c.path()).orElse(null),
					r.lead() == null ? null : names.get(r.lead()), r.holder() == null ? null : names.get(r.holder()),
					r.dueAt(), r.warning(), r.supervised(), caller == null ? null : caller.phone(), r.registeredAt()));
		}
		return result;
	}
}
