package org.minsheng.backup;

import java.nio.file.Path;

import org.minsheng.backup.internal.BackupCommandLine;

/** The operator's commands {@code backup <dir>} and {@code restore <dir>} (see the module's description). */
public final class BackupCommands {

	private BackupCommands() {
	}

	/** Takes a backup; returns the exit code (0 done, 2 refused or failed). */
	public static int backup(Path target, String... springArgs) {
		return BackupCommandLine.backup(target, springArgs);
	}

	/** Restores files and tables into the empty data folder and database; throws when refused. */
	public static void restoreData(Path source, String... springArgs) throws Exception {
		BackupCommandLine.restoreData(source, springArgs);
	}
}
