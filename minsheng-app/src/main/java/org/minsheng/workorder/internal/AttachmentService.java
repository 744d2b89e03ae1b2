package org.minsheng.workorder.internal;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.identity.Actor;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.platform.ConflictException;
import org.minsheng.platform.FileStore;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.minsheng.workorder.Attachment;
import org.minsheng.workorder.Attachments;
import org.minsheng.workorder.WorkOrderNo;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class AttachmentService implements Attachments {

	/** The file area of work orders under the data folder. */
	static final String AREA = "attachments";

	private final JdbcTemplate jdbc;

	private final WorkOrderRows rows;

	private final CurrentActor current;

	private final AuditTrail audit;

	private final Clock clock;

	private final FileStore files;

	AttachmentService(JdbcTemplate jdbc, WorkOrderRows rows, CurrentActor current, AuditTrail audit, Clock clock,
			FileStore files) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.current = current;
		this.audit = audit;
		this.clock = clock;
		this.files = files;
	}

	@Override
	public Attachment add(WorkOrderNo no, String fileName, String contentType, InputStream content) {
		var actor = require(Permission.WORKORDER_READ);
		var order = visibleOrder(actor, no);
		if (!actor.scope().all() && order.assignments().stream()
			.noneMatch(a -> a.state().active() && a.departmentId().equals(actor.departmentId()))) {
			throw new AccessDeniedException(actor.username() + " does not hold " + no);
		}
		if (!order.state().open()) {
			throw ConflictException.illegalTransition("添加附件", WorkOrder.KIND, no, order.state().label());
		}
		var now = OffsetDateTime.now(clock);
		var stored = files.store(AREA, fileName, content, now);
		var name = stored.fileName();
		var type = stored.contentType();
		long size = stored.size();
		var sha256 = stored.sha256();
		var key = stored.key();
		var keys = new GeneratedKeyHolder();
		jdbc.update(con -> {
			var ps = con.prepareStatement("insert into work_order_attachment (order_id, file_name, content_type,"
					+ " size_bytes, sha256, storage_key, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			ps.setLong(1, order.id());
			ps.setString(2, name);
			ps.setString(3, type);
			ps.setLong(4, size);
			ps.setString(5, sha256);
			ps.setString(6, key);
			ps.setString(7, actor.username());
			ps.setObject(8, now);
			return ps;
		}, keys);
		long id = keys.getKey().longValue();
		audit.record(AuditRecord.of(AuditAction.WORK_ORDER_FILE_ADDED, "work_order", no, name + " " + size + " B sha256=" + sha256));
		return new Attachment(id, name, type, size, sha256, actor.username(), now, null);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Attachment> list(WorkOrderNo no) {
		var actor = require(Permission.WORKORDER_READ);
		var order = visibleOrder(actor, no);
		return jdbc.query("select id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at, timeline_seq"
				+ " from work_order_attachment where order_id = ? order by id", (rs, n) -> attachment(rs), order.id());
	}

	@Override
	@Transactional(readOnly = true)
	public Download open(WorkOrderNo no, long attachmentId) {
		var actor = require(Permission.WORKORDER_READ);
		var order = visibleOrder(actor, no);
		var found = jdbc.query("select id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at,"
				+ " timeline_seq, storage_key from work_order_attachment where order_id = ? and id = ?",
				(rs, n) -> new Object[] { attachment(rs), rs.getString("storage_key") }, order.id(), attachmentId);
		if (found.isEmpty()) {
			throw new NotFoundException("附件", attachmentId);
		}
		return new Download((Attachment) found.getFirst()[0], files.open(AREA, (String) found.getFirst()[1]));
	}

	/** Links unlinked files of the order to a step (a reply); the files must be the actor's own. */
	void link(long orderId, List<Long> attachmentIds, int timelineSeq, String username) {
		for (int i = 0; i < attachmentIds.size(); i++) {
			int updated = jdbc.update("update work_order_attachment set timeline_seq = ? where id = ? and order_id = ?"
					+ " and timeline_seq is null and uploaded_by = ?", timelineSeq, attachmentIds.get(i), orderId, username);
			if (updated != 1) {
				throw new InvalidFieldException("attachmentIds[" + i + "]",
						"此工单没有您上传、待提交的文件 " + attachmentIds.get(i));
			}
		}
	}

	private static Attachment attachment(ResultSet rs) throws SQLException {
		return new Attachment(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
				rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
				rs.getObject("uploaded_at", OffsetDateTime.class), rs.getObject("timeline_seq", Integer.class));
	}

	private WorkOrder visibleOrder(Actor actor, WorkOrderNo no) {
		return rows.loadByNo(no)
			.map(WorkOrderRows.Loaded::order)
			.filter(order -> rows.visible(actor.scope(), order.id()))
			.orElseThrow(() -> new NotFoundException("工单", no));
	}

	private Actor require(Permission permission) {
		return current.get().require(permission);
	}

	/** Stops reading past the limit with a clear error instead of filling the disk. */
}
