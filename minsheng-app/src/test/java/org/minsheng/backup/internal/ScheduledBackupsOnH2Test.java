package org.minsheng.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.minsheng.audit.AuditTrail;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.OnH2;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The server's scheduled backups: whole, audited, and only the newest few kept. */
@OnH2
class ScheduledBackupsOnH2Test extends ApplicationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	AuditTrail audit;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Clock clock;

	@Test
	void eachScheduledBackupIsWholeAuditedAndOnlyTheNewestAreKept() throws Exception {
		var dir = Files.createTempDirectory("minsheng-scheduled-");
		var data = Files.createTempDirectory("minsheng-data-");
		Files.createDirectories(data.resolve("attachments/2026"));
		Files.writeString(data.resolve("attachments/2026/photo.png"), "照片");
		var backups = new ServerBackups(dataSource, audit, tx, clock, new BackupSettings(dir.toString(), "-", 2),
				data.toString());
		long audited = count("select count(*) from audit_entry where action = 'BACKUP_TAKEN'");

		var first = backups.scheduledNow();
		var second = backups.scheduledNow();
		var third = backups.scheduledNow();

		try (var left = Files.list(dir)) {
			assertThat(left.map(p -> p.getFileName().toString()).sorted().toList())
				.containsExactly(second.getFileName().toString(), third.getFileName().toString());
		}
		assertThat(first).doesNotExist();
		var manifest = BackupArchive.read(third);
		assertThat(BackupArchive.damaged(third, manifest)).isNull();
		assertThat(manifest.tables()).containsKey("work_order").containsKey("audit_entry");
		assertThat(third.resolve("files/attachments/2026/photo.png")).hasContent("照片");
		assertThat(count("select count(*) from audit_entry where action = 'BACKUP_TAKEN'")).isEqualTo(audited + 3);

		// a damaged copy is found before anything is restored from it
		Files.writeString(third.resolve("files/attachments/2026/photo.png"), "别的照片");
		assertThat(BackupArchive.damaged(third, manifest)).contains("photo.png");
	}
}
