package org.minsheng.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;

/**
 * Restores a backup into an empty data folder and an empty database, before the platform starts on
 * them: the checksums first, then the files, then the schema made by the migrations up to the
 * backup's version, the tables loaded in the order their references need, the identities moved on
 * past the restored ids, and the migrations since the backup run. Refuses, and changes nothing,
 * when the folder or the database already holds data.
 */
final class Restore {

	/** Where the database is and how the platform's migrations are found. */
	record Target(Path dataDir, String url, String username, String password, List<String> migrations) {
	}

	private Restore() {
	}

	/** Returns the rows restored per table. */
	static Map<String, Long> run(Path backup, Target target) throws IOException, SQLException {
		var manifest = BackupArchive.read(backup);
		var damaged = BackupArchive.damaged(backup, manifest);
		if (damaged != null) throw new IllegalStateException("备份已损坏，未做任何恢复：" + damaged);
		if (Files.isDirectory(target.dataDir().resolve("db")) || !BackupArchive.files(target.dataDir(), null).isEmpty()) {
			throw new IllegalStateException("数据目录不是空的，恢复只写入空目录：" + target.dataDir().toAbsolutePath());
		}
		try (var c = DriverManager.getConnection(target.url(), target.username(), target.password())) {
			if (!TableDump.tables(c).isEmpty() || hasHistory(c)) {
				throw new IllegalStateException("数据库不是空的，恢复只写入空数据库：" + target.url());
			}
		}
		for (var e : manifest.files()) {
			if (!e.path().startsWith("files/")) continue;
			var to = target.dataDir().resolve(e.path().substring("files/".length()));
			Files.createDirectories(to.getParent());
			Files.copy(backup.resolve(e.path()), to, StandardCopyOption.COPY_ATTRIBUTES);
		}
		migrate(target, manifest.schemaVersion());
		var restored = new LinkedHashMap<String, Long>();
		try (var c = DriverManager.getConnection(target.url(), target.username(), target.password())) {
			c.setAutoCommit(false);
			var tables = TableDump.tables(c);
			for (var table : manifest.tables().keySet()) {
				if (!tables.contains(table)) {
					throw new IllegalStateException("备份中的表 " + table + " 在版本 " + manifest.schemaVersion() + " 的结构中不存在");
				}
			}
			var order = TableDump.insertOrder(c, List.copyOf(manifest.tables().keySet()));
			// rows the migrations seeded (the audit chain's first link, the taxonomy) are in the backup as they were then
			for (var table : order.reversed()) {
				try (var st = c.createStatement()) {
					st.executeUpdate("delete from " + table);
				}
			}
			for (var table : order) {
				restored.put(table, TableDump.load(c, table, backup.resolve("db").resolve(table + ".jsonl.gz")));
				TableDump.restartIdentities(c, table);
			}
			c.commit();
		}
		migrate(target, null);
		return restored;
	}

	private static boolean hasHistory(Connection c) throws SQLException {
		try (var rs = c.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
			while (rs.next()) {
				if (rs.getString("TABLE_NAME").equalsIgnoreCase(TableDump.SCHEMA_HISTORY)) return true;
			}
		}
		return false;
	}

	/** The migrations up to a version (all of them when null). */
	private static void migrate(Target target, String version) {
		var flyway = Flyway.configure()
			.dataSource(target.url(), target.username(), target.password())
			.locations(target.migrations().toArray(String[]::new));
		if (version != null) flyway.target(version);
		flyway.load().migrate();
	}
}
