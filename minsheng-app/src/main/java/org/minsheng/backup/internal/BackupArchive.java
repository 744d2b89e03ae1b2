package org.minsheng.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/**
 * A backup folder: {@code manifest.json}, {@code db/<table>.jsonl.gz} (the tables, read in one
 * snapshot) and {@code files/} (everything in the data folder that the database does not hold:
 * personal-data keys, attachments, knowledge attachments, recordings, models, the call plan), each
 * file with its size and SHA-256 in the manifest. It is written as {@code <folder>.partial} and
 * renamed when complete, so a folder with the final name is a whole backup.
 */
final class BackupArchive {

	static final int FORMAT = 1;

	/** Folders of the data folder that are not backed up: the H2 files (dumped as tables), caches, derived indexes. */
	static final Set<String> NOT_BACKED_UP = Set.of("db", "prompts", "kb-index", "backups", "run");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Entry(String path, long size, String sha256) {
	}

	record Manifest(int format, OffsetDateTime createdAt, String database, String schemaVersion,
			Map<String, Long> tables, List<Entry> files, boolean keysIncluded) {

		long rows() {
			return tables.values().stream().mapToLong(Long::longValue).sum();
		}
	}

	private BackupArchive() {
	}

	/**
	 * Takes a backup into {@code target} (which must not exist yet) from a connection that no one
	 * else uses, and the data folder's files.
	 */
	static Manifest take(Connection c, Path dataDir, Path target, OffsetDateTime now) throws SQLException, IOException {
		if (Files.exists(target)) throw new IllegalArgumentException("备份目录已存在，请指定一个新目录：" + target);
		var partial = target.resolveSibling(target.getFileName() + ".partial");
		deleteTree(partial);
		Files.createDirectories(partial.resolve("db"));
		var tables = new LinkedHashMap<String, Long>();
		var entries = new ArrayList<Entry>();
		String version;
		String database = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
		boolean autoCommit = c.getAutoCommit();
		try {
			snapshot(c);
			version = schemaVersion(c);
			for (var table : TableDump.tables(c)) {
				var file = partial.resolve("db").resolve(table + ".jsonl.gz");
				tables.put(table, TableDump.export(c, table, file));
				entries.add(entry(partial, file));
			}
			c.commit();
		}
		finally {
			c.setAutoCommit(autoCommit);
		}
		// after the snapshot: a file the database names existed before the row that names it
		boolean keys = false;
		for (var file : files(dataDir, target)) {
			var relative = dataDir.relativize(file);
			var copy = partial.resolve("files").resolve(relative.toString());
			Files.createDirectories(copy.getParent());
			Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
			entries.add(entry(partial, copy));
			keys |= relative.startsWith("keys");
		}
		var manifest = new Manifest(FORMAT, now, database, version, tables, entries, keys);
		Files.writeString(partial.resolve("manifest.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
		Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		return manifest;
	}

	/** One consistent view of every table for the rest of the transaction. */
	private static void snapshot(Connection c) throws SQLException {
		c.setAutoCommit(false);
		if (TableDump.schema(c).equals("PUBLIC")) {
			try (var st = c.createStatement()) {
				st.execute("set session characteristics as transaction isolation level snapshot");
			}
		}
		else {
			c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			try (var st = c.createStatement()) {
				st.execute("set transaction read only");
			}
		}
	}

	static String schemaVersion(Connection c) throws SQLException {
		// Flyway names its table and columns in quoted lower case, which H2 keeps as written
		try (var st = c.createStatement(); var rs = st.executeQuery("select \"version\" from \"" + TableDump.SCHEMA_HISTORY
				+ "\" where \"success\" = true and \"version\" is not null order by \"installed_rank\" desc")) {
			if (!rs.next()) throw new IllegalStateException("数据库尚未初始化（没有迁移记录），无可备份");
			return rs.getString(1);
		}
	}

	static Manifest read(Path backup) throws IOException {
		var file = backup.resolve("manifest.json");
		if (!Files.exists(file)) throw new IllegalArgumentException("不是备份目录（缺少 manifest.json）：" + backup);
		var manifest = JSON.readValue(Files.readString(file), Manifest.class);
		if (manifest.format() != FORMAT) throw new IllegalArgumentException("备份格式 " + manifest.format() + " 不受支持");
		return manifest;
	}

	/** Every file of the manifest is there with its size and checksum; returns the first that is not, or null. */
	static String damaged(Path backup, Manifest manifest) throws IOException {
		for (var e : manifest.files()) {
			var file = backup.resolve(e.path());
			if (!Files.isRegularFile(file)) return e.path() + "：缺失";
			if (Files.size(file) != e.size()) return e.path() + "：大小不符";
			if (!sha256(file).equals(e.sha256())) return e.path() + "：校验和不符";
		}
		return null;
	}

	/** The files of the data folder that a backup keeps. */
	static List<Path> files(Path dataDir, Path exclude) throws IOException {
		var out = new ArrayList<Path>();
		if (!Files.isDirectory(dataDir)) return out;
		var root = dataDir.toAbsolutePath().normalize();
		var skip = exclude == null ? null : exclude.toAbsolutePath().normalize();
		Files.walkFileTree(root, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
				if (dir.equals(root)) return FileVisitResult.CONTINUE;
				if (skip != null && (dir.equals(skip) || dir.getFileName().toString().startsWith(skip.getFileName() + "."))) {
					return FileVisitResult.SKIP_SUBTREE;
				}
				return root.relativize(dir).getNameCount() == 1 && NOT_BACKED_UP.contains(dir.getFileName().toString())
						? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
				// a file in the data folder's top level is a log or a lock, not data
				if (attrs.isRegularFile() && root.relativize(file).getNameCount() > 1) out.add(file);
				return FileVisitResult.CONTINUE;
			}
		});
		out.sort(null);
		return out;
	}

	private static Entry entry(Path backup, Path file) throws IOException {
		return new Entry(backup.relativize(file).toString(), Files.size(file), sha256(file));
	}

	static String sha256(Path file) throws IOException {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) return;
		try (var walk = Files.walk(dir)) {
			for (var p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
		}
	}
}
