package org.minsheng.workorder.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.identity.Actor;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.platform.ConflictException;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.minsheng.workorder.Attachment;
import org.minsheng.workorder.Attachments;
import org.minsheng.workorder.WorkOrderNo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
@Transactional
class AttachmentService implements Attachments {

	static final long MAX_SIZE = 20L * 1024 * 1024;

	/** What a hotline receives: photos, documents, recordings and short videos. */
	static final Map<String, String> TYPES = Map.ofEntries(Map.entry("jpg", "image/jpeg"),
			Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"), Map.entry("gif", "image/gif"),
			Map.entry("webp", "image/webp"), Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"),
			Map.entry("wav", "audio/wav"), Map.entry("mp3", "audio/mpeg"), Map.entry("mp4", "video/mp4"),
			Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
			Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			Map.entry("doc", "application/msword"), Map.entry("xls", "application/vnd.ms-excel"));

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy/MM");

	private final JdbcTemplate jdbc;

	private final WorkOrderRows rows;

	private final CurrentActor current;

	private final AuditTrail audit;

	private final Clock clock;

	private final Path root;

	AttachmentService(JdbcTemplate jdbc, WorkOrderRows rows, CurrentActor current, AuditTrail audit, Clock clock,
			@Value("${minsheng.data-dir}") String dataDir) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.current = current;
		this.audit = audit;
		this.clock = clock;
		this.root = Path.of(dataDir, "attachments");
	}

	@Override
	public Attachment add(WorkOrderNo no, String fileName, String contentType, InputStream content) {
		var actor = require(Permission.WORKORDER_READ);
		var order = visibleOrder(actor, no);
		if (!actor.scope().all() && order.assignments.stream()
			.noneMatch(a -> a.state.active() && a.departmentId == actor.departmentId().value())) {
			throw new AccessDeniedException(actor.username() + " does not hold " + no);
		}
		if (!order.state.open()) {
			throw ConflictException.illegalTransition("add a file to", WorkOrder.KIND, no, order.state);
		}
		var name = cleanName(fileName);
		var extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
		var type = TYPES.get(extension);
		if (type == null) {
			throw new InvalidFieldException("file", "Files of type '." + extension + "' are not accepted; accepted: "
					+ String.join(", ", new java.util.TreeSet<>(TYPES.keySet())));
		}
		var now = OffsetDateTime.now(clock);
		var key = MONTH.format(now) + "/" + UUID.randomUUID();
		var target = root.resolve(key);
		long size;
		String sha256;
		try {
			Files.createDirectories(target.getParent());
			var digest = MessageDigest.getInstance("SHA-256");
			var temp = Files.createTempFile(target.getParent(), "upload-", ".part");
			try (var in = new DigestInputStream(new LimitedInputStream(content, MAX_SIZE), digest)) {
				size = Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException | RuntimeException e) {
				Files.deleteIfExists(temp);
				throw e;
			}
			if (size == 0) {
				Files.deleteIfExists(temp);
				throw new InvalidFieldException("file", "The file is empty");
			}
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			sha256 = HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		deleteOnRollback(target);
		var keys = new GeneratedKeyHolder();
		jdbc.update(con -> {
			var ps = con.prepareStatement("insert into work_order_attachment (order_id, file_name, content_type,"
					+ " size_bytes, sha256, storage_key, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			ps.setLong(1, order.id);
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
		audit.record(AuditRecord.of("WORK_ORDER_FILE_ADDED", "work_order", no, name + " " + size + " B sha256=" + sha256));
		return new Attachment(id, name, type, size, sha256, actor.username(), now, null);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Attachment> list(WorkOrderNo no) {
		var actor = require(Permission.WORKORDER_READ);
		var order = visibleOrder(actor, no);
		return jdbc.query("select id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at, timeline_seq"
				+ " from work_order_attachment where order_id = ? order by id", (rs, n) -> attachment(rs), order.id);
	}

	@Override
	@Transactional(readOnly = true)
	public Download open(WorkOrderNo no, long attachmentId) {
		var actor = require(Permission.WORKORDER_READ);
		var order = visibleOrder(actor, no);
		var found = jdbc.query("select id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at,"
				+ " timeline_seq, storage_key from work_order_attachment where order_id = ? and id = ?",
				(rs, n) -> new Object[] { attachment(rs), rs.getString("storage_key") }, order.id, attachmentId);
		if (found.isEmpty()) {
			throw new NotFoundException("attachment", attachmentId);
		}
		try {
			return new Download((Attachment) found.getFirst()[0],
					Files.newInputStream(root.resolve((String) found.getFirst()[1])));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Links unlinked files of the order to a step (a reply); the files must be the actor's own. */
	void link(long orderId, List<Long> attachmentIds, int timelineSeq, String username) {
		for (int i = 0; i < attachmentIds.size(); i++) {
			int updated = jdbc.update("update work_order_attachment set timeline_seq = ? where id = ? and order_id = ?"
					+ " and timeline_seq is null and uploaded_by = ?", timelineSeq, attachmentIds.get(i), orderId, username);
			if (updated != 1) {
				throw new InvalidFieldException("attachmentIds[" + i + "]",
						"No file " + attachmentIds.get(i) + " of yours on this order waits to be handed in");
			}
		}
	}

	private static Attachment attachment(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Attachment(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
				rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
				rs.getObject("uploaded_at", OffsetDateTime.class), rs.getObject("timeline_seq", Integer.class));
	}

	private WorkOrder visibleOrder(Actor actor, WorkOrderNo no) {
		return rows.loadByNo(no)
			.map(WorkOrderRows.Loaded::order)
			.filter(order -> rows.visible(actor.scope(), order.id))
			.orElseThrow(() -> new NotFoundException("work order", no));
	}

	private static String cleanName(String fileName) {
		var name = fileName == null ? "" : Path.of(fileName.replace('\\', '/')).getFileName().toString().strip();
		name = name.replaceAll("[\\p{Cntrl}\"]", "");
		if (name.isEmpty() || name.length() > 200) {
			throw new InvalidFieldException("file", "A file name has 1 to 200 characters");
		}
		return name;
	}

	private static void deleteOnRollback(Path file) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						try {
							Files.deleteIfExists(file);
						}
						catch (IOException ignored) {
							// an orphan file costs space only; it has no row and is never served
						}
					}
				}
			});
		}
	}

	private Actor require(Permission permission) {
		return current.get().require(permission);
	}

	/** Stops reading past the limit with a clear error instead of filling the disk. */
	static final class LimitedInputStream extends java.io.FilterInputStream {

		private long left;

		LimitedInputStream(InputStream in, long limit) {
			super(in);
			this.left = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0 && --left < 0) {
				throw new InvalidFieldException("file", "A file may have at most " + MAX_SIZE / (1024 * 1024) + " MB");
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				left -= n;
				if (left < 0) {
					throw new InvalidFieldException("file", "A file may have at most " + MAX_SIZE / (1024 * 1024) + " MB");
				}
			}
			return n;
		}
	}
}
