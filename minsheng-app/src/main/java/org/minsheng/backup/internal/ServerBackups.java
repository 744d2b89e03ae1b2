package org.minsheng.backup.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import javax.sql.DataSource;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The running server's backups: on schedule into {@code minsheng.backup.dir}, keeping the newest
 * {@code keep}, and on request through the control socket {@code <data-dir>/run/control.sock}
 * (a Unix socket in a folder only the server's user may enter), which is how {@code java -jar
 * minsheng.jar backup <dir>} backs up an H2 database the server holds open. Every backup is
 * audited.
 */
@Component
@ConditionalOnProperty(name = "minsheng.command", havingValue = "serve", matchIfMissing = true)
class ServerBackups implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ServerBackups.class);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

	private final DataSource dataSource;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Path dataDir;

	private final Path scheduledDir;

	private final BackupSettings settings;

	private volatile ServerSocketChannel control;

	ServerBackups(DataSource dataSource, AuditTrail audit, TransactionTemplate tx, Clock clock, BackupSettings settings,
			@Value("${minsheng.data-dir}") String dataDir) {
		this.dataSource = dataSource;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
		this.settings = settings;
		this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
		this.scheduledDir = settings.dir() == null || settings.dir().isBlank() ? this.dataDir.resolve("backups")
				: Path.of(settings.dir()).toAbsolutePath().normalize();
	}

	/** Takes a backup into a folder that does not exist yet; one at a time. */
	synchronized BackupArchive.Manifest backup(Path target) throws Exception {
		long started = System.nanoTime();
		BackupArchive.Manifest manifest;
		try (var c = dataSource.getConnection()) {
			manifest = BackupArchive.take(c, dataDir, target, OffsetDateTime.now(clock));
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		tx.executeWithoutResult(s -> audit.record(AuditRecord.of(AuditAction.BACKUP_TAKEN, "backup", target.getFileName(),
				target + ", " + manifest.tables().size() + " tables, " + manifest.rows() + " rows, " + manifest.files().size()
						+ " files, " + millis + " ms").by("system")));
		log.info("Backup {} taken in {} ms: {} rows, {} files", target, millis, manifest.rows(), manifest.files().size());
		return manifest;
	}

	@Scheduled(cron = "${minsheng.backup.cron:0 30 2 * * *}", zone = "Asia/Shanghai")
	void scheduled() {
		try {
			scheduledNow();
		}
		catch (Exception e) {
			log.error("Scheduled backup failed; the next runs at the next scheduled time", e);
		}
	}

	/** A backup into the scheduled folder, then the oldest beyond {@code keep} removed. */
	Path scheduledNow() throws Exception {
		Files.createDirectories(scheduledDir);
		var target = scheduledDir.resolve("minsheng-" + STAMP.format(OffsetDateTime.now(clock).atZoneSameInstant(
				ZoneId.of("Asia/Shanghai"))));
		backup(target);
		try (var list = Files.list(scheduledDir)) {
			var complete = list.filter(p -> p.getFileName().toString().startsWith("minsheng-")
					&& !p.getFileName().toString().endsWith(".partial") && Files.exists(p.resolve("manifest.json")))
				.sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
				.toList();
			for (var old : complete.subList(Math.min(settings.keep(), complete.size()), complete.size())) {
				BackupArchive.deleteTree(old);
				log.info("Backup {} removed (keeping the newest {})", old, settings.keep());
			}
		}
		return target;
	}

	@Override
	public void start() {
		var socket = BackupCommandLine.controlSocket(dataDir);
		try {
			Files.createDirectories(socket.getParent());
			Files.setPosixFilePermissions(socket.getParent(), PosixFilePermissions.fromString("rwx------"));
			Files.deleteIfExists(socket);
			var channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
			channel.bind(UnixDomainSocketAddress.of(socket));
			control = channel;
			Thread.ofVirtual().name("backup-control").start(() -> serve(channel));
		}
		catch (IOException | UnsupportedOperationException e) {
			log.warn("No control socket at {} ({}): backups of a running H2 database come from the schedule only", socket,
					e.getMessage());
		}
	}

	private void serve(ServerSocketChannel channel) {
		while (channel.isOpen()) {
			try (SocketChannel client = channel.accept()) {
				var line = new BufferedReader(new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8))
					.readLine();
				String reply;
				if (line != null && line.startsWith("backup ")) {
					try {
						var target = Path.of(line.substring("backup ".length()).strip());
						reply = BackupCommandLine.summary(target, backup(target));
					}
					catch (Exception e) {
						reply = "FAILED 备份失败 backup failed: " + e.getMessage();
					}
				}
				else {
					reply = "FAILED unknown command";
				}
				var out = Channels.newOutputStream(client);
				out.write((reply + "\n").getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
			catch (IOException e) {
				if (channel.isOpen()) log.debug("control connection failed: {}", e.getMessage());
			}
		}
	}

	@Override
	public void stop() {
		var channel = control;
		control = null;
		if (channel == null) return;
		try {
			channel.close();
			Files.deleteIfExists(BackupCommandLine.controlSocket(dataDir));
		}
		catch (IOException e) {
			log.debug("closing the control socket: {}", e.getMessage());
		}
	}

	@Override
	public boolean isRunning() {
		return control != null;
	}
}
