package org.minsheng.workorder.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.minsheng.identity.DataScope;
import org.minsheng.identity.DepartmentId;
import org.minsheng.platform.ConflictException;
import org.minsheng.sla.SlaClock;
import org.minsheng.workorder.Attachment;
import org.minsheng.workorder.Channel;
import org.minsheng.workorder.RequestType;
import org.minsheng.workorder.ResultType;
import org.minsheng.workorder.Satisfaction;
import org.minsheng.workorder.SlaStage;
import org.minsheng.workorder.TimelineAction;
import org.minsheng.workorder.Urgency;
import org.minsheng.workorder.WorkOrderNo;
import org.minsheng.workorder.WorkOrderState;
import org.minsheng.workorder.internal.WorkOrder.Assignment;
import org.minsheng.workorder.internal.WorkOrder.AssignmentRole;
import org.minsheng.workorder.internal.WorkOrder.AssignmentState;
import org.minsheng.workorder.internal.WorkOrder.StageClock;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes work orders: the order row, its assignments, clocks and timeline. It is long
 * because an order is four tables written in one go (only what changed) and read back as one
 * aggregate; the SQL is kept here so that no other class knows the tables.
 */
@Repository
class WorkOrderRows {

	/** The facts of an order that do not take part in its state machine. */
	record Facts(long id, WorkOrderNo no, Channel channel, RequestType requestType, Long categoryId, Urgency urgency,
			boolean complex, String title, String content, Long citizenId, String callerNameCipher,
			String callerPhoneCipher, boolean anonymous, boolean confidential, String address, String divisionCode,
			Double latitude, Double longitude, String callId, String recordingRef, String tags, Long masterId,
			String registeredBy, OffsetDateTime registeredAt) {

		Facts withComplex(boolean value) {
			return new Facts(id, no, channel, requestType, categoryId, urgency, value, title, content, citizenId,
					callerNameCipher, callerPhoneCipher, anonymous, confidential, address, divisionCode, latitude,
					longitude, callId, recordingRef, tags, masterId, registeredBy, registeredAt);
		}
	}

	record NewOrder(WorkOrderNo no, Channel channel, RequestType requestType, Long categoryId, Urgency urgency,
			String title, String content, Long citizenId, String callerNameCipher, String callerPhoneCipher,
			String callerPhoneIndex, boolean anonymous, boolean confidential, String address, String divisionCode,
			Double latitude, Double longitude, String callId, String recordingRef, String tags, String registeredBy,
			OffsetDateTime registeredAt) {

		/** The facts of the order just inserted under {@code id}, without reading the row back. */
		Facts facts(long id) {
			return new Facts(id, no, channel, requestType, categoryId, urgency, false, title, content, citizenId,
					callerNameCipher, callerPhoneCipher, anonymous, confidential, address, divisionCode, latitude,
					longitude, callId, recordingRef, tags, null, registeredBy, registeredAt);
		}
	}

	private static final String FACTS = "id, order_no, channel, request_type, category_id, urgency, complex, title,"
			+ " content, citizen_id, caller_name_cipher, caller_phone_cipher, anonymous, confidential, address,"
			+ " division_code, latitude, longitude, call_id, recording_ref, tags, master_id, registered_by,"
			+ " registered_at";

	private static final String STATE = "id, order_no, state, lead_department_id, master_id, redo_count,"
			+ " reopen_count, result_type, reply, satisfaction, supervised, extension_reason, extension_deadline,"
			+ " extension_department_id, anonymous, caller_phone_cipher, closed_at, version,"
			+ " (select coalesce(max(t.seq), 0) from work_order_timeline t where t.order_id = work_order.id) as last_seq";

	/** Every column of the order: its facts and its state. */
	private static final String ALL = FACTS + ", state, lead_department_id, redo_count, reopen_count, result_type,"
			+ " reply, satisfaction, supervised, extension_reason, extension_deadline, extension_department_id,"
			+ " closed_at, version,"
			+ " (select coalesce(max(t.seq), 0) from work_order_timeline t where t.order_id = work_order.id) as last_seq";

	/** An order as read by its number; {@code screeningFailed} when a screening of it failed (asked in the same read). */
	record Loaded(WorkOrder order, Facts facts, boolean screeningFailed) {
	}

	private final JdbcTemplate jdbc;

	private final ZoneId zone;

	WorkOrderRows(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.zone = clock.getZone();
	}

	/** Stores a new order as its aggregate left registration, with its timeline, and gives the aggregate its id. */
	void insert(NewOrder o, WorkOrder order) {
		if (order.id() != 0) {
			throw new IllegalStateException("Work order " + order.no() + " is stored already");
		}
		var state = order.state();
		var reply = order.replyText();
		var closedAt = order.closedAt() == null ? null : order.closedAt().toOffsetDateTime();
		var keys = new GeneratedKeyHolder();
		jdbc.update(con -> {
			var ps = con.prepareStatement("insert into work_order (order_no, channel, request_type, category_id,"
					+ " urgency, title, content, citizen_id, caller_name_cipher, caller_phone_cipher,"
					+ " caller_phone_index, anonymous, confidential, address, division_code, latitude, longitude,"
					+ " call_id, recording_ref, tags, state, registered_by, registered_at, updated_at, reply, closed_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			int i = 1;
			ps.setString(i++, o.no().value());
			ps.setString(i++, o.channel().name());
			ps.setString(i++, o.requestType().name());
			ps.setObject(i++, o.categoryId());
			ps.setString(i++, o.urgency().name());
			ps.setString(i++, o.title());
			ps.setString(i++, o.content());
			ps.setObject(i++, o.citizenId());
			ps.setString(i++, o.callerNameCipher());
			ps.setString(i++, o.callerPhoneCipher());
			ps.setString(i++, o.callerPhoneIndex());
			ps.setBoolean(i++, o.anonymous());
			ps.setBoolean(i++, o.confidential());
			ps.setString(i++, o.address());
			ps.setString(i++, o.divisionCode());
			ps.setObject(i++, o.latitude());
			ps.setObject(i++, o.longitude());
			ps.setString(i++, o.callId());
			ps.setString(i++, o.recordingRef());
			ps.setString(i++, o.tags());
			ps.setString(i++, state.name());
			ps.setString(i++, o.registeredBy());
			ps.setObject(i++, o.registeredAt());
			ps.setObject(i++, o.registeredAt());
			ps.setString(i++, reply);
			ps.setObject(i++, closedAt);
			return ps;
		}, keys);
		order.stored(keys.getKey().longValue());
		insertEntries(List.of(new StoredEntryBatch(order.id(), order.takeChanges().entries())));
	}

	Optional<Long> idOf(WorkOrderNo no) {
		return jdbc.queryForList("select id from work_order where order_no = ?", Long.class, no.value())
			.stream()
			.findFirst();
	}

	Optional<WorkOrderNo> noOf(long id) {
		return jdbc.queryForList("select order_no from work_order where id = ?", String.class, id)
			.stream()
			.findFirst()
			.map(WorkOrderNo::new);
	}

	Optional<Facts> facts(long id) {
		return jdbc.query("select " + FACTS + " from work_order where id = ?", this::mapFacts, id).stream().findFirst();
	}

	/** The aggregate and its facts in one read of the order row, with its assignments and every clock (running and stopped). */
	Optional<Loaded> loadByNo(WorkOrderNo no) {
		return jdbc.query("select " + ALL + ", (select count(*) from work_order_screening s where s.no = work_order.order_no"
				+ " and s.state = 'FAILED') as screening_failed from work_order where order_no = ?",
				(rs, n) -> new Loaded(order(rs), mapFacts(rs, n), rs.getInt("screening_failed") > 0), no.value())
			.stream()
			.findFirst();
	}

	Optional<WorkOrder> load(long id) {
		return jdbc.query("select " + STATE + " from work_order where id = ?", (rs, n) -> order(rs), id)
			.stream()
			.findFirst();
	}

	private WorkOrder order(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		var assignments = assignments(id);
		var clocks = clocks(id);
		int lastSeq = rs.getInt("last_seq");
		var extensionReason = rs.getString("extension_reason");
		var extension = extensionReason == null ? null
				: new WorkOrder.PendingExtension(extensionReason, zoned(rs, "extension_deadline"),
						new DepartmentId(rs.getLong("extension_department_id")));
		return WorkOrder.restore(new WorkOrder.Stored(id, new WorkOrderNo(rs.getString("order_no")),
				WorkOrderState.valueOf(rs.getString("state")), department(rs, "lead_department_id"),
				nullableLong(rs, "master_id"), rs.getInt("redo_count"), rs.getInt("reopen_count"),
				enumOrNull(ResultType.class, rs.getString("result_type")), rs.getString("reply"),
				enumOrNull(Satisfaction.class, rs.getString("satisfaction")), rs.getBoolean("supervised"), extension,
				!rs.getBoolean("anonymous") && rs.getString("caller_phone_cipher") != null, zoned(rs, "closed_at"),
				rs.getInt("version"), lastSeq), assignments, clocks);
	}

	private List<Assignment> assignments(long orderId) {
		var byId = new HashMap<Long, Assignment>();
		var result = new ArrayList<Assignment>();
		jdbc.query("select id, department_id, parent_id, level, role, state, dispatched_at, dispatched_by, signed_at,"
				+ " finished_at, opinion from work_order_assignment where order_id = ? order by id", rs -> {
					var parentId = nullableLong(rs, "parent_id");
					var a = Assignment.restored(rs.getLong("id"), new DepartmentId(rs.getLong("department_id")),
							parentId == null ? null : byId.get(parentId), rs.getInt("level"),
							AssignmentRole.valueOf(rs.getString("role")), AssignmentState.valueOf(rs.getString("state")),
							zoned(rs, "dispatched_at"), rs.getString("dispatched_by"), zoned(rs, "signed_at"),
							zoned(rs, "finished_at"), rs.getString("opinion"));
					byId.put(a.id(), a);
					result.add(a);
				}, orderId);
		return result;
	}

	private List<StageClock> clocks(long orderId) {
		return jdbc.query("select id, stage, department_id, basis, started_at, budget_seconds, paused_at,"
				+ " paused_seconds, due_at, warn_at, warned_at, overdue_at, stopped_at, next_check_at"
				+ " from work_order_clock where order_id = ? order by id", (rs, n) -> {
					var clock = new SlaClock(zoned(rs, "started_at"), "NATURAL".equals(rs.getString("basis")),
							Duration.ofSeconds(rs.getLong("budget_seconds")), zoned(rs, "paused_at"),
							Duration.ofSeconds(rs.getLong("paused_seconds")));
					return StageClock.restored(rs.getLong("id"), SlaStage.valueOf(rs.getString("stage")),
							department(rs, "department_id"), clock, zoned(rs, "due_at"), zoned(rs, "warn_at"),
							zoned(rs, "warned_at"), zoned(rs, "overdue_at"), zoned(rs, "stopped_at"),
							zoned(rs, "next_check_at"));
				}, orderId);
	}

	/** Writes the aggregate's changes; fails when someone else changed the order since it was loaded. */
	void save(WorkOrder order, OffsetDateTime now) {
		var extension = order.extension();
		var dueAt = order.dueAt();
		int updated = jdbc.update("update work_order set state = ?, lead_department_id = ?, holder_department_id = ?,"
				+ " master_id = ?, redo_count = ?, reopen_count = ?, result_type = ?, reply = ?, satisfaction = ?,"
				+ " supervised = ?, extension_reason = ?, extension_deadline = ?, extension_department_id = ?,"
				+ " due_at = ?, warning = ?, closed_at = ?, updated_at = ?, version = version + 1"
				+ " where id = ? and version = ?", order.state().name(), id(order.leadDepartment()),
				id(order.holderDepartment()), order.masterId().orElse(null), order.redoCount(), order.reopenCount(),
				name(order.resultType()), order.replyText(), name(order.satisfaction()), order.supervised(),
				extension.map(WorkOrder.PendingExtension::reason).orElse(null),
				extension.map(e -> e.deadline().toOffsetDateTime()).orElse(null),
				extension.map(e -> e.departmentId().value()).orElse(null), dueAt == null ? null : dueAt.toOffsetDateTime(),
				order.warning().name(), order.closedAt() == null ? null : order.closedAt().toOffsetDateTime(), now,
				order.id(), order.version());
		if (updated != 1) {
			throw new ConflictException(
					"工单「" + order.no() + "」同时被他人修改，请刷新后重试");
		}
		var changes = order.takeChanges();
		for (var a : changes.assignments()) {
			saveAssignment(order.id(), a);
		}
		// split before inserting: the insert gives the new clocks their ids, and they need no update after it
		var changedClocks = changes.clocks().stream().filter(c -> c.id() != null).toList();
		insertClocks(order.id(), changes.clocks().stream().filter(c -> c.id() == null).toList());
		changedClocks.forEach(this::updateClock);
		insertEntries(List.of(new StoredEntryBatch(order.id(), changes.entries())));
	}

	record StoredEntryBatch(long orderId, List<WorkOrder.Entry> entries) {
	}

	void insertEntries(List<StoredEntryBatch> batches) {
		var args = new ArrayList<Object[]>();
		for (var batch : batches) {
			for (var e : batch.entries()) {
				args.add(new Object[] { batch.orderId(), e.seq(), e.at().toOffsetDateTime(), e.action().name(),
						name(e.from()), name(e.to()), e.actor(), e.actorName(), id(e.actorDepartmentId()), id(e.departmentId()),
						e.comment() });
			}
		}
		if (!args.isEmpty()) {
			jdbc.batchUpdate("insert into work_order_timeline (order_id, seq, occurred_at, action, from_state, to_state,"
					+ " actor, actor_name, actor_department_id, department_id, comment)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
		}
	}

	private void saveAssignment(long orderId, Assignment a) {
		if (a.id() == null) {
			var keys = new GeneratedKeyHolder();
			jdbc.update(con -> {
				var ps = con.prepareStatement("insert into work_order_assignment (order_id, department_id, parent_id,"
						+ " level, role, state, dispatched_at, dispatched_by, signed_at, finished_at, opinion)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
				ps.setLong(1, orderId);
				ps.setLong(2, a.departmentId().value());
				ps.setObject(3, a.parent().map(Assignment::id).orElse(null));
				ps.setInt(4, a.level());
				ps.setString(5, a.role().name());
				ps.setString(6, a.state().name());
				ps.setObject(7, a.dispatchedAt().toOffsetDateTime());
				ps.setString(8, a.dispatchedBy());
				ps.setObject(9, offset(a.signedAt()));
				ps.setObject(10, offset(a.finishedAt()));
				ps.setString(11, a.opinion());
				return ps;
			}, keys);
			a.stored(keys.getKey().longValue());
		}
		else {
			jdbc.update("update work_order_assignment set state = ?, signed_at = ?, finished_at = ?, opinion = ?"
					+ " where id = ?", a.state().name(), offset(a.signedAt()), offset(a.finishedAt()), a.opinion(), a.id());
		}
	}

	/** New clocks in one batch (a dispatch starts two), their ids read back. */
	private void insertClocks(long orderId, List<StageClock> fresh) {
		if (fresh.isEmpty()) {
			return;
		}
		jdbc.execute((ConnectionCallback<Void>) con -> {
			try (var ps = con.prepareStatement("insert into work_order_clock (order_id, stage, department_id, basis,"
					+ " started_at, budget_seconds, paused_at, paused_seconds, due_at, warn_at, warned_at,"
					+ " overdue_at, stopped_at, next_check_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" })) {
				for (var c : fresh) {
					var clock = c.clock();
					ps.setLong(1, orderId);
					ps.setString(2, c.stage().name());
					ps.setObject(3, id(c.departmentId()));
					ps.setString(4, clock.natural() ? "NATURAL" : "WORKING");
					ps.setObject(5, clock.startedAt().toOffsetDateTime());
					ps.setLong(6, clock.budget().toSeconds());
					ps.setObject(7, offset(clock.pausedAt()));
					ps.setLong(8, clock.pausedTotal().toSeconds());
					ps.setObject(9, offset(c.dueAt()));
					ps.setObject(10, offset(c.warnAt()));
					ps.setObject(11, offset(c.warnedAt()));
					ps.setObject(12, offset(c.overdueAt()));
					ps.setObject(13, offset(c.stoppedAt()));
					ps.setObject(14, offset(c.nextCheckAt()));
					ps.addBatch();
				}
				ps.executeBatch();
				try (var keys = ps.getGeneratedKeys()) {
					for (var c : fresh) {
						if (!keys.next()) {
							throw new IllegalStateException("No id for a new clock of order " + orderId);
						}
						c.stored(keys.getLong(1));
					}
				}
			}
			return null;
		});
	}

	private void updateClock(StageClock c) {
		var clock = c.clock();
		jdbc.update("update work_order_clock set budget_seconds = ?, paused_at = ?, paused_seconds = ?,"
				+ " due_at = ?, warn_at = ?, warned_at = ?, overdue_at = ?, stopped_at = ?, next_check_at = ?"
				+ " where id = ?", clock.budget().toSeconds(), offset(clock.pausedAt()),
				clock.pausedTotal().toSeconds(), offset(c.dueAt()), offset(c.warnAt()), offset(c.warnedAt()),
				offset(c.overdueAt()), offset(c.stoppedAt()), offset(c.nextCheckAt()), c.id());
	}

	private static Long id(DepartmentId department) {
		return department == null ? null : department.value();
	}

	private static Long id(Optional<DepartmentId> department) {
		return department.map(DepartmentId::value).orElse(null);
	}

	private static DepartmentId department(ResultSet rs, String column) throws SQLException {
		var id = nullableLong(rs, column);
		return id == null ? null : new DepartmentId(id);
	}

	/** Clocks whose warning or deadline moment has come, oldest first. */
	List<long[]> clocksToCheck(OffsetDateTime now, int limit) {
		return jdbc.query("select id, order_id from work_order_clock where next_check_at <= ? order by next_check_at"
				+ " fetch first " + limit + " rows only", (rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }, now);
	}

	List<Attachment> attachments(long orderId) {
		return jdbc.query("select id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at, timeline_seq"
				+ " from work_order_attachment where order_id = ? order by id",
				(rs, n) -> new Attachment(rs.getLong("id"), rs.getString("file_name"),
						rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
						rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class),
						rs.getObject("timeline_seq", Integer.class)),
				orderId);
	}

	/** Streams every running clock, for the full SLA scan. */
	void runningClocks(BiConsumer<SlaStage, SlaClock> each) {
		jdbc.query(con -> {
			var ps = con.prepareStatement("select stage, basis, started_at, budget_seconds, paused_at, paused_seconds"
					+ " from work_order_clock where stopped_at is null");
			ps.setFetchSize(5_000);
			return ps;
		}, rs -> {
			var paused = rs.getObject("paused_at", OffsetDateTime.class);
			each.accept(SlaStage.valueOf(rs.getString("stage")),
					new SlaClock(rs.getObject("started_at", OffsetDateTime.class).atZoneSameInstant(zone),
							"NATURAL".equals(rs.getString("basis")), Duration.ofSeconds(rs.getLong("budget_seconds")),
							paused == null ? null : paused.atZoneSameInstant(zone),
							Duration.ofSeconds(rs.getLong("paused_seconds"))));
		});
	}

	/** For a clock that is stopped or paused yet still marked for a check. */
	void clearNextCheck(long clockId) {
		jdbc.update("update work_order_clock set next_check_at = null where id = ?", clockId);
	}

	record TimelineRow(int seq, OffsetDateTime at, TimelineAction action, WorkOrderState from, WorkOrderState to,
			String actor, String actorName, Long actorDepartmentId, Long departmentId, String comment) {
	}

	List<TimelineRow> timeline(long orderId) {
		return jdbc.query("select seq, occurred_at, action, from_state, to_state, actor, actor_name,"
				+ " actor_department_id, department_id, comment from work_order_timeline where order_id = ? order by seq",
				(rs, n) -> new TimelineRow(rs.getInt("seq"), rs.getObject("occurred_at", OffsetDateTime.class),
						TimelineAction.valueOf(rs.getString("action")),
						enumOrNull(WorkOrderState.class, rs.getString("from_state")),
						enumOrNull(WorkOrderState.class, rs.getString("to_state")), rs.getString("actor"),
						rs.getString("actor_name"), nullableLong(rs, "actor_department_id"),
						nullableLong(rs, "department_id"), rs.getString("comment")),
				orderId);
	}

	/** The order is within the scope: everything, or it was ever assigned to a department of the scope. */
	boolean visible(DataScope scope, long orderId) {
		return scope.all() || everAssignedTo(orderId, scope.departmentIds());
	}

	/** True when the order was ever assigned to one of the departments. */
	boolean everAssignedTo(long orderId, Collection<Long> departments) {
		if (departments.isEmpty()) {
			return false;
		}
		var named = new NamedParameterJdbcTemplate(jdbc);
		Integer n = named.queryForObject("select count(*) from work_order_assignment where order_id = :id"
				+ " and department_id in (:departments)",
				Map.of("id", orderId, "departments", departments), Integer.class);
		return n != null && n > 0;
	}

	private Facts mapFacts(ResultSet rs, int n) throws SQLException {
		return new Facts(rs.getLong("id"), new WorkOrderNo(rs.getString("order_no")),
				Channel.valueOf(rs.getString("channel")), RequestType.valueOf(rs.getString("request_type")),
				nullableLong(rs, "category_id"), Urgency.valueOf(rs.getString("urgency")), rs.getBoolean("complex"),
				rs.getString("title"), rs.getString("content"), nullableLong(rs, "citizen_id"),
				rs.getString("caller_name_cipher"), rs.getString("caller_phone_cipher"), rs.getBoolean("anonymous"),
				rs.getBoolean("confidential"), rs.getString("address"), rs.getString("division_code"),
				(Double) rs.getObject("latitude", Double.class), (Double) rs.getObject("longitude", Double.class),
				rs.getString("call_id"), rs.getString("recording_ref"), rs.getString("tags"),
				nullableLong(rs, "master_id"), rs.getString("registered_by"),
				rs.getObject("registered_at", OffsetDateTime.class));
	}

	void setComplex(long id, boolean complex) {
		jdbc.update("update work_order set complex = ? where id = ?", complex, id);
	}

	private ZonedDateTime zoned(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.atZoneSameInstant(zone);
	}

	private static OffsetDateTime offset(ZonedDateTime value) {
		return value == null ? null : value.toOffsetDateTime();
	}

	static Long nullableLong(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, Long.class);
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
		return value == null ? null : Enum.valueOf(type, value);
	}
}
