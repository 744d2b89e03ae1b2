package org.minsheng.workorder.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.minsheng.identity.DepartmentId;
import org.minsheng.workorder.ClosedOrderExamples;
import org.minsheng.workorder.WorkOrderNo;
import org.minsheng.workorder.WorkOrderState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class ClosedOrders implements ClosedOrderExamples {

	private final JdbcTemplate jdbc;

	ClosedOrders(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ClosedOrder> closedSince(OffsetDateTime since, int limit) {
		if (limit < 1) throw new IllegalArgumentException("limit must be positive: " + limit);
		return jdbc.query("select order_no, title, content, category_id, lead_department_id, closed_at from work_order"
				+ " where state = ? and confidential = false and lead_department_id is not null and closed_at >= ?"
				+ " order by closed_at desc fetch first " + limit + " rows only",
				(rs, n) -> new ClosedOrder(new WorkOrderNo(rs.getString(1)), rs.getString(2), rs.getString(3),
						rs.getObject(4, Long.class), new DepartmentId(rs.getLong(5)),
						rs.getObject(6, OffsetDateTime.class)),
				WorkOrderState.CLOSED.name(), since);
	}
}
