package org.minsheng.contact.internal;

import org.minsheng.contact.QueueEventType;
import org.minsheng.contact.LegResult;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.minsheng.contact.CallDisposition;
import org.minsheng.contact.CallEnded;
import org.minsheng.contact.ContactCenter.CallQuery;
import org.minsheng.contact.ContactCenter.CallRecord;
import org.minsheng.contact.HangupBy;
import org.minsheng.privacy.PersonalDataCipher;
import org.minsheng.privacy.PersonalDataKind;
import org.minsheng.sip.CallId;
import org.minsheng.sip.Recording;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Call detail records: one row per call, its agent legs and queue events, written together when the
 * call ends (with the {@link CallEnded} event in the same transaction), and the day's queue figures.
 */
@Component
class CallLog {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final PersonalDataCipher cipher;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CallLog(JdbcTemplate jdbc, TransactionTemplate tx, PersonalDataCipher cipher, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
	}

	private static OffsetDateTime at(Instant i) {
		return i == null ? null : i.atOffset(ZoneOffset.UTC);
	}

	/** This host's name, kept with each call in progress so that its own restart knows them. */
	static final String NODE = node();

	private static String node() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			return "localhost";
		}
	}

	/**
	 * The call's record as soon as it starts (IN_PROGRESS, ended at its start for now), so that a
	 * crash leaves a record of every call it cut off; {@link #save} completes it.
	 */
	void opened(CallTrace t) {
		var phone = t.caller == null || t.caller.isBlank() ? null : PersonalDataKind.PHONE.normalize(t.caller);
		var hasPhone = phone != null && !phone.isEmpty();
		jdbc.update("insert into contact_call (call_id, caller_cipher, caller_index, caller_masked, dialled, started_at,"
				+ " ended_at, disposition, flow_path, callback_of, node) values (?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)",
				cut(t.callId.value(), 200), hasPhone ? cipher.encrypt(phone) : null,
				hasPhone ? cipher.blindIndex(PersonalDataKind.PHONE, phone) : null, hasPhone ? PersonalDataKind.PHONE.mask(phone) : null,
				cut(t.dialled, 40), at(t.startedAt), at(t.startedAt), CallDisposition.IN_PROGRESS.name(), value(t.callbackOf), NODE);
	}

	/** The calls this host had in progress when it stopped without finishing them (a crash). */
	List<Map<String, Object>> cutOff() {
		return jdbc.queryForList("select call_id, started_at from contact_call where disposition = ? and node = ?",
				CallDisposition.IN_PROGRESS.name(), NODE);
	}

	/** Marks a call cut off by a crash, with what its recording kept. */
	void interrupted(CallId callId, Instant endedAt, Recording recording) {
		jdbc.update("update contact_call set disposition = ?, ended_at = ?, recording_file = ?,"
				+ " recording_sha256 = ? where call_id = ? and disposition = ?", CallDisposition.INTERRUPTED.name(), at(endedAt),
				recording == null ? null : recording.file().toString(), recording == null ? null : recording.sha256(), callId.value(),
				CallDisposition.IN_PROGRESS.name());
	}

	void save(CallTrace t, Instant endedAt) {
		var phone = t.caller == null || t.caller.isBlank() ? null : PersonalDataKind.PHONE.normalize(t.caller);
		var hasPhone = phone != null && !phone.isEmpty();
		Long wait = t.queuedAt == null ? null
				: Duration.between(t.queuedAt, t.agentAnsweredAt != null ? t.agentAnsweredAt : endedAt).toMillis();
		Long talk = t.agentAnsweredAt == null ? null
				: Duration.between(t.agentAnsweredAt, t.talkEndedAt != null ? t.talkEndedAt : endedAt).toMillis();
		// the call's recording is its talk (or message); a call that had neither keeps its IVR recording as such
		var main = t.recording != null ? t.recording : t.ivrRecording;
		var ivr = t.recording != null ? t.ivrRecording : null;
		tx.executeWithoutResult(s -> {
			jdbc.update("delete from contact_call where call_id = ? and disposition = ?", cut(t.callId.value(), 200),
					CallDisposition.IN_PROGRESS.name());
			jdbc.update("insert into contact_call (call_id, caller_cipher, caller_index, caller_masked, dialled, started_at,"
					+ " answered_at, queue, queued_at, agent, agent_answered_at, ended_at, wait_ms, talk_ms, disposition,"
					+ " hangup_by, recording_file, recording_sha256, work_order_no, flow_path, hold_ms, ivr_recording_file,"
					+ " ivr_recording_sha256, callback_of) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					cut(t.callId.value(), 200), hasPhone ? cipher.encrypt(phone) : null,
					hasPhone ? cipher.blindIndex(PersonalDataKind.PHONE, phone) : null,
					hasPhone ? PersonalDataKind.PHONE.mask(phone) : null, cut(t.dialled, 40), at(t.startedAt),
					at(t.answeredAt), t.queue, at(t.queuedAt), t.agent, at(t.agentAnsweredAt), at(endedAt), wait, talk,
					t.disposition.name(), t.hangupBy == null ? null : t.hangupBy.name(), main == null ? null : main.file().toString(), main == null ? null : main.sha256(),
					t.workOrderNo, cut(String.join(">", t.path), 2000), t.holdMillis, ivr == null ? null : ivr.file().toString(),
					ivr == null ? null : ivr.sha256(), value(t.callbackOf));
			for (var leg : t.legs) {
				jdbc.update("insert into contact_call_leg (call_id, leg_call_id, agent, offered_at, answered_at, ended_at,"
						+ " result, hold_ms) values (?, ?, ?, ?, ?, ?, ?, ?)", t.callId.value(), leg.legCallId(), leg.agent(),
						at(leg.offeredAt()), at(leg.answeredAt()), at(leg.endedAt()), leg.result().name(), leg.holdMillis());
			}
			for (var e : t.queueEvents) {
				jdbc.update("insert into contact_queue_event (call_id, queue, event, at, wait_ms, agent) values (?, ?, ?, ?, ?, ?)",
						t.callId.value(), e.queue(), e.event().name(), at(e.at()), e.waitMillis(), e.agent());
			}
			events.publishEvent(new CallEnded(t.callId, t.disposition, t.queue, t.agent, at(endedAt)));
		});
	}

	/** A queue event after the call's record was stored (a callback attempt of a caller who hung up). */
	void event(CallId callId, String queue, QueueEventType event, Instant at, Long waitMillis, String agent) {
		jdbc.update("insert into contact_queue_event (call_id, queue, event, at, wait_ms, agent) values (?, ?, ?, ?, ?, ?)",
				callId.value(), queue, event.name(), at(at), waitMillis, agent);
	}

	private static String value(CallId callId) {
		return callId == null ? null : callId.value();
	}

	void agentState(Seat.Change c) {
		jdbc.update("insert into contact_agent_state (username, from_state, to_state, reason, at) values (?, ?, ?, ?, ?)",
				c.agent(), c.from().name(), c.to().name(), cut(c.reason(), 200), at(c.at()));
	}

	/** Whether this number called within the last day (a repeat caller goes ahead in the line). */
	boolean calledWithin(String caller, Duration window) {
		if (caller == null || caller.isBlank()) return false;
		var phone = PersonalDataKind.PHONE.normalize(caller);
		if (phone.isEmpty()) return false;
		var since = OffsetDateTime.now(clock).minus(window);
		return !jdbc.queryForList("select 1 from contact_call where caller_index = ? and started_at >= ? fetch first 1 rows only",
				Integer.class, cipher.blindIndex(PersonalDataKind.PHONE, phone), since).isEmpty();
	}

	List<CallRecord> list(CallQuery q, boolean unmask) {
		var sql = new StringBuilder("select * from contact_call where 1 = 1");
		var args = new ArrayList<Object>();
		where(q, sql, args);
		int limit = q.limit() <= 0 ? 100 : Math.min(q.limit(), 1000);
		sql.append(" order by started_at desc offset ").append(Math.max(0, q.offset())).append(" rows fetch first ")
			.append(limit).append(" rows only");
		var rows = jdbc.queryForList(sql.toString(), args.toArray());
		var out = new ArrayList<CallRecord>();
		for (var r : rows) out.add(record(r, unmask, List.of(), List.of()));
		return out;
	}

	/** The calls of an order (registered from, or placed about it), newest first, numbers masked. */
	List<CallRecord> ofOrder(String workOrderNo) {
		var rows = jdbc.queryForList("select * from contact_call where work_order_no = ? order by started_at desc"
				+ " fetch first 200 rows only", workOrderNo);
		var out = new ArrayList<CallRecord>();
		for (var r : rows) out.add(record(r, false, List.of(), List.of()));
		return out;
	}

	long count(CallQuery q) {
		var sql = new StringBuilder("select count(*) from contact_call where 1 = 1");
		var args = new ArrayList<Object>();
		where(q, sql, args);
		return jdbc.queryForObject(sql.toString(), Long.class, args.toArray());
	}

	private static void where(CallQuery q, StringBuilder sql, List<Object> args) {
		if (q.from() != null) {
			sql.append(" and started_at >= ?");
			args.add(q.from());
		}
		if (q.to() != null) {
			sql.append(" and started_at < ?");
			args.add(q.to());
		}
		if (q.agent() != null) {
			sql.append(" and agent = ?");
			args.add(q.agent());
		}
		if (q.disposition() != null) {
			sql.append(" and disposition = ?");
			args.add(q.disposition().name());
		}
	}

	Optional<CallRecord> find(CallId callId, boolean unmask) {
		var rows = jdbc.queryForList("select * from contact_call where call_id = ?", callId.value());
		if (rows.isEmpty()) return Optional.empty();
		var legs = jdbc.query("select agent, offered_at, answered_at, ended_at, result, hold_ms from contact_call_leg"
				+ " where call_id = ? order by id",
				(rs, n) -> new CallRecord.Leg(rs.getString(1), rs.getObject(2, OffsetDateTime.class),
						rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class), LegResult.valueOf(rs.getString(5)),
						num(rs.getObject(6))), callId.value());
		var events = jdbc.query("select queue, event, at, wait_ms, agent from contact_queue_event where call_id = ? order by id",
				(rs, n) -> new CallRecord.QueueEvent(rs.getString(1), QueueEventType.valueOf(rs.getString(2)), rs.getObject(3, OffsetDateTime.class),
						(Long) rs.getObject(4), rs.getString(5)), callId.value());
		return Optional.of(record(rows.get(0), unmask, legs, events));
	}

	/** The recording file of a call, if it has one. */
	Optional<String> recordingFile(CallId callId) {
		return jdbc.queryForList("select recording_file from contact_call where call_id = ?", String.class, callId.value()).stream()
			.filter(f -> f != null).findFirst();
	}

	private CallRecord record(Map<String, Object> r, boolean unmask, List<CallRecord.Leg> legs,
			List<CallRecord.QueueEvent> events) {
		String caller = (String) r.get("caller_masked");
		if (unmask && r.get("caller_cipher") != null) caller = cipher.decrypt((String) r.get("caller_cipher"));
		return new CallRecord(new CallId((String) r.get("call_id")), caller, (String) r.get("dialled"), odt(r.get("started_at")),
				(String) r.get("queue"), (String) r.get("agent"), odt(r.get("agent_answered_at")), odt(r.get("ended_at")),
				num(r.get("wait_ms")), num(r.get("talk_ms")), CallDisposition.valueOf((String) r.get("disposition")), r.get("hangup_by") == null ? null : HangupBy.valueOf((String) r.get("hangup_by")),
				r.get("recording_file") != null, (String) r.get("recording_sha256"), (String) r.get("work_order_no"),
				(String) r.get("flow_path"), odt(r.get("answered_at")), num(r.get("hold_ms")),
				r.get("ivr_recording_file") != null, r.get("callback_of") == null ? null : new CallId((String) r.get("callback_of")), legs,
				events);
	}

	private static Long num(Object o) {
		return o == null ? null : ((Number) o).longValue();
	}

	static OffsetDateTime odt(Object o) {
		if (o == null) return null;
		if (o instanceof OffsetDateTime t) return t;
		if (o instanceof Timestamp ts) return ts.toInstant().atOffset(ZoneOffset.UTC);
		if (o instanceof Instant i) return i.atOffset(ZoneOffset.UTC);
		return OffsetDateTime.parse(o.toString());
	}

	/** Today's counts per queue (since midnight, Asia/Shanghai): entered, answered, answered in target, abandoned. */
	Map<String, QueueTally> today(Duration target) {
		var midnight = LocalDate.now(clock.withZone(CHINA)).atStartOfDay(CHINA).toOffsetDateTime();
		var out = new HashMap<String, QueueTally>();
		jdbc.query("select queue, event, count(*), sum(case when wait_ms <= ? then 1 else 0 end) from contact_queue_event"
				+ " where at >= ? group by queue, event", rs -> {
					out.computeIfAbsent(rs.getString(1), k -> new QueueTally())
						.add(QueueEventType.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4));
				}, target.toMillis(), midnight);
		return out;
	}

	/**
	 * Today's stored queue events that make the trend (entered, answered, abandoned) in the given
	 * queues, counted by quarter hour: the index of the quarter since midnight, then the counts by event.
	 */
	Map<Integer, QueueTally> todayByQuarter(Set<String> queues) {
		var midnight = LocalDate.now(clock.withZone(CHINA)).atStartOfDay(CHINA).toOffsetDateTime();
		var out = new HashMap<Integer, QueueTally>();
		jdbc.query("select quarter, queue, event, count(*) from (select cast(floor((extract(epoch from at)"
				+ " - cast(? as bigint)) / 900) as integer) as quarter, queue, event from contact_queue_event where at >= ?"
				+ " and event in ('ENTERED', 'ANSWERED', 'ABANDONED')) q group by quarter, queue, event", rs -> {
					if (!queues.contains(rs.getString(2))) return;
					out.computeIfAbsent(rs.getInt(1), k -> new QueueTally())
						.add(QueueEventType.valueOf(rs.getString(3)), rs.getLong(4), 0);
				}, midnight.toEpochSecond(), midnight);
		return out;
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
