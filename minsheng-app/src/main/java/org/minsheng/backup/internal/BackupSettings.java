package org.minsheng.backup.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir  where the server's scheduled backups go (default {@code <data-dir>/backups}; a disk of
 *     its own, or a mounted share, in production)
 * @param cron when the server takes one ({@code -} for never); 02:30 every night by default
 * @param keep how many scheduled backups are kept, the newest ones
 */
@ConfigurationProperties("minsheng.backup")
record BackupSettings(String dir, @DefaultValue("0 30 2 * * *") String cron, @DefaultValue("7") int keep) {

	BackupSettings {
		if (keep < 1) throw new IllegalArgumentException("minsheng.backup.keep is at least 1");
	}
}
