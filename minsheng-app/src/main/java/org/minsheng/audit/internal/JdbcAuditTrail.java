package org.minsheng.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.minsheng.audit.AuditEntry;
import org.minsheng.audit.AuditQuery;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.audit.ChainVerification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Service
class JdbcAuditTrail implements AuditTrail {

	private static final Logger log = LoggerFactory.getLogger(JdbcAuditTrail.class);

	private static final int SEAL_BATCH = 5_000;

	private static final String INSERT = """
			insert into audit_entry (occurred_at, actor, action, target_type, target_id, source, detail)
			values (?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final TransactionTemplate sealTx;

	private final Clock clock;

	/** Sealers of this process take turns here; sealers of other nodes wait on the chain head's row lock. */
	private final ReentrantLock sealing = new ReentrantLock();

	JdbcAuditTrail(JdbcTemplate jdbc, PlatformTransactionManager tm, Clock clock) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.sealTx = new TransactionTemplate(tm);
		this.sealTx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@Override
	@Transactional
	public void record(AuditRecord record) {
		recordAll(List.of(record));
	}

	@Override
	@Transactional
	public void recordAll(List<AuditRecord> records) {
		var now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		var actor = currentActor();
		var source = currentSource();
		jdbc.execute((ConnectionCallback<Void>) con -> {
			if (records.size() == 1 && postgres(con)) {
				// one round trip: the entry and its place in the sealing queue
				try (var ps = con.prepareStatement("with e as (" + INSERT + " returning id)"
						+ " insert into audit_pending (entry_id) select id from e")) {
					bind(ps, records.getFirst(), now, actor, source);
					ps.executeUpdate();
				}
				return null;
			}
			var ids = new ArrayList<Long>(records.size());
			try (var ps = con.prepareStatement(INSERT, new String[] { "id" })) {
				for (var r : records) {
					bind(ps, r, now, actor, source);
					if (records.size() == 1) {
						ps.executeUpdate();
					}
					else {
						ps.addBatch();
					}
				}
				if (records.size() > 1) {
					ps.executeBatch();
				}
				try (var keys = ps.getGeneratedKeys()) {
					while (keys.next()) {
						ids.add(keys.getLong(1));
					}
				}
			}
			if (ids.size() != records.size()) {
				throw new IllegalStateException("Expected " + records.size() + " audit entry ids, got " + ids.size());
			}
			try (var ps = con.prepareStatement("insert into audit_pending (entry_id) values (?)")) {
				for (var id : ids) {
					ps.setLong(1, id);
					if (ids.size() == 1) {
						ps.executeUpdate();
					}
					else {
						ps.addBatch();
					}
				}
				if (ids.size() > 1) {
					ps.executeBatch();
				}
			}
			return null;
		});
	}

	private static void bind(PreparedStatement ps, AuditRecord r, OffsetDateTime now, String actor,
			String source) throws SQLException {
		ps.setObject(1, now);
		ps.setString(2, clip(r.actor() != null ? r.actor() : actor, 100));
		ps.setString(3, clip(r.action().name(), 60));
		ps.setString(4, clip(r.targetType(), 60));
		ps.setString(5, clip(r.targetId(), 100));
		ps.setString(6, clip(r.source() != null ? r.source() : source, 100));
		if (r.detail() == null) {
			ps.setNull(7, Types.VARCHAR);
		}
		else {
			ps.setString(7, clip(r.detail(), 2000));
		}
	}

	private volatile Boolean onPostgres;

	private boolean postgres(Connection con) throws SQLException {
		var known = onPostgres;
		if (known == null) {
			known = con.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
			onPostgres = known;
		}
		return known;
	}

	/** For the background sealer: skips the round when another seal is running. */
	void sealIfIdle() {
		if (!sealing.tryLock()) {
			return;
		}
		try {
			sealAll();
		}
		finally {
			sealing.unlock();
		}
	}

	@Override
	public int seal() {
		sealing.lock();
		try {
			return sealAll();
		}
		finally {
			sealing.unlock();
		}
	}

	private int sealAll() {
		int total = 0;
		int sealed;
		do {
			sealed = sealTx.execute(status -> sealBatch());
			total += sealed;
		}
		while (sealed == SEAL_BATCH);
		return total;
	}

	/** One node at a time: the chain head row is locked for the whole batch. */
	private int sealBatch() {
		var head = jdbc.queryForMap("select last_seq, last_hash from audit_chain where id = 1 for update");
		long seq = ((Number) head.get("last_seq")).longValue();
		String prev = (String) head.get("last_hash");
		var pending = jdbc.query("""
				select e.id, e.occurred_at, e.actor, e.action, e.target_type, e.target_id, e.source, e.detail
				from audit_pending p join audit_entry e on e.id = p.entry_id
				order by p.entry_id fetch first %d rows only""".formatted(SEAL_BATCH), (rs, i) -> entry(rs));
		if (pending.isEmpty()) {
			return 0;
		}
		var hasher = new AuditHasher();
		var updates = new ArrayList<Object[]>(pending.size());
		for (var e : pending) {
			seq++;
			var hash = hasher.link(prev, seq, e.occurredAt(), e.actor(), e.action(), e.targetType(), e.targetId(),
					e.source(), e.detail());
			updates.add(new Object[] { seq, prev, hash, e.id() });
			prev = hash;
		}
		jdbc.batchUpdate("update audit_entry set seq = ?, prev_hash = ?, hash = ? where id = ? and seq is null",
				updates);
		var named = new NamedParameterJdbcTemplate(jdbc);
		var ids = pending.stream().map(e -> e.id()).toList();
		for (int from = 0; from < ids.size(); from += 1_000) {
			named.update("delete from audit_pending where entry_id in (:ids)",
					Map.of("ids", ids.subList(from, Math.min(ids.size(), from + 1_000))));
		}
		jdbc.update("update audit_chain set last_seq = ?, last_hash = ? where id = 1", seq, prev);
		return pending.size();
	}

	@Override
	public ChainVerification verify() {
		seal();
		long started = System.nanoTime();
		var state = new Object() {
			long expectedSeq = 1;
			String prev = AuditHasher.GENESIS;
			Long brokenSeq;
			Long brokenId;
			String problem;
		};
		var hasher = new AuditHasher();
		var tx = new TransactionTemplate(sealTx.getTransactionManager());
		tx.setReadOnly(true);
		var streaming = new JdbcTemplate(jdbc.getDataSource());
		streaming.setFetchSize(10_000);
		tx.executeWithoutResult(status -> {
			streaming.query("""
					select id, seq, occurred_at, actor, action, target_type, target_id, source, detail, prev_hash, hash
					from audit_entry where seq is not null order by seq""", rs -> {
				if (state.problem != null) {
					return;
				}
				long seq = rs.getLong("seq");
				long id = rs.getLong("id");
				if (seq != state.expectedSeq) {
					state.brokenSeq = state.expectedSeq;
					state.problem = "entry " + state.expectedSeq + " is missing";
					return;
				}
				var e = entry(rs);
				var expected = hasher.link(state.prev, seq, e.occurredAt(), e.actor(), e.action(), e.targetType(),
						e.targetId(), e.source(), e.detail());
				if (!state.prev.equals(rs.getString("prev_hash"))) {
					state.brokenSeq = seq;
					state.brokenId = id;
					state.problem = "entry " + seq + " does not link to the entry before it";
				}
				else if (!expected.equals(rs.getString("hash"))) {
					state.brokenSeq = seq;
					state.brokenId = id;
					state.problem = "entry " + seq + " was changed after it was sealed";
				}
				state.prev = rs.getString("hash");
				state.expectedSeq++;
			});
		});
		long checked = state.expectedSeq - 1;
		if (state.problem == null) {
			var head = jdbc.queryForMap("select last_seq, last_hash from audit_chain where id = 1");
			long headSeq = ((Number) head.get("last_seq")).longValue();
			if (headSeq != checked || !state.prev.equals(head.get("last_hash"))) {
				state.brokenSeq = checked + 1;
				state.problem = "the chain ends at entry " + checked + " but its head says " + headSeq
						+ ": entries were removed from the end";
			}
		}
		long unsealed = jdbc.queryForObject("select count(*) from audit_pending", Long.class);
		long millis = (System.nanoTime() - started) / 1_000_000;
		if (state.problem != null) {
			log.error("Audit chain broken: {}", state.problem);
		}
		return new ChainVerification(state.problem == null, checked, state.brokenSeq, state.brokenId, state.problem,
				unsealed, millis);
	}

	@Override
	public List<AuditEntry> find(AuditQuery q) {
		var params = filters(q);
		params.addValue("limit", q.size()).addValue("offset", (long) q.page() * q.size());
		return named.query("select id, seq, occurred_at, actor, action, target_type, target_id, source, detail, hash"
				+ " from audit_entry" + where(q) + " order by id desc offset :offset rows fetch next :limit rows only",
				params, (rs, i) -> new AuditEntry(rs.getLong("id"), (Long) rs.getObject("seq", Long.class),
						time(rs), rs.getString("actor"), rs.getString("action"), rs.getString("target_type"),
						rs.getString("target_id"), rs.getString("source"), rs.getString("detail"),
						rs.getString("hash")));
	}

	@Override
	public long count(AuditQuery q) {
		return named.queryForObject("select count(*) from audit_entry" + where(q), filters(q), Long.class);
	}

	private static String where(AuditQuery q) {
		var clauses = new ArrayList<String>();
		if (q.actor() != null) {
			clauses.add("actor = :actor");
		}
		if (q.action() != null) {
			clauses.add("action = :action");
		}
		if (q.targetType() != null) {
			clauses.add("target_type = :targetType");
		}
		if (q.targetId() != null) {
			clauses.add("target_id = :targetId");
		}
		if (q.from() != null) {
			clauses.add("occurred_at >= :from");
		}
		if (q.to() != null) {
			clauses.add("occurred_at < :to");
		}
		return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
	}

	private static MapSqlParameterSource filters(AuditQuery q) {
		return new MapSqlParameterSource().addValue("actor", q.actor())
			.addValue("action", q.action())
			.addValue("targetType", q.targetType())
			.addValue("targetId", q.targetId())
			.addValue("from", q.from())
			.addValue("to", q.to());
	}

	private static AuditEntry entry(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getLong("id"), null, time(rs), rs.getString("actor"), rs.getString("action"),
				rs.getString("target_type"), rs.getString("target_id"), rs.getString("source"),
				rs.getString("detail"), null);
	}

	private static OffsetDateTime time(ResultSet rs) throws SQLException {
		return rs.getObject("occurred_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
	}

	private static String clip(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	private static String currentActor() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? "system" : auth.getName();
	}

	private static String currentSource() {
		var declared = org.minsheng.audit.AuditSource.current();
		if (declared != null) {
			return declared;
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
			return attrs.getRequest().getRemoteAddr();
		}
		return "local";
	}
}
