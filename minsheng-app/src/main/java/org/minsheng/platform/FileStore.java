package org.minsheng.platform;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files that records carry (work-order photos, knowledge attachments), kept under the data folder
 * ({@code <area>/yyyy/MM/<uuid>}) with their SHA-256: only the accepted types, at most 20 MB,
 * written whole or not at all, and removed again when the transaction that stores them rolls back.
 * A cluster shares the data folder's file area (a shared volume).
 */
@Component
public class FileStore {

	public static final long MAX_SIZE = 20L * 1024 * 1024;

	/** What a hotline receives and publishes: photos, documents, recordings and short videos. */
	public static final Map<String, String> TYPES = Map.ofEntries(Map.entry("jpg", "image/jpeg"),
			Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"), Map.entry("gif", "image/gif"),
			Map.entry("webp", "image/webp"), Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"),
			Map.entry("wav", "audio/wav"), Map.entry("mp3", "audio/mpeg"), Map.entry("mp4", "video/mp4"),
			Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
			Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			Map.entry("doc", "application/msword"), Map.entry("xls", "application/vnd.ms-excel"));

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy/MM");

	private final Path root;

	public FileStore(@Value("${minsheng.data-dir}") String dataDir) {
		this.root = Path.of(dataDir);
	}

	/** A stored file: its clean name, type, size, SHA-256 and the key to open it by. */
	public record Stored(String fileName, String contentType, long size, String sha256, String key) {
	}

	/**
	 * Stores a file in an area ({@code attachments}, {@code kb-attachments}). Bad names, types,
	 * empty or oversized files fail with {@link InvalidFieldException} on field {@code file}.
	 */
	public Stored store(String area, String fileName, InputStream content, OffsetDateTime now) {
		var name = cleanName(fileName);
		var extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
		var type = TYPES.get(extension);
		if (type == null) {
			throw new InvalidFieldException("file", "不接受 .「" + extension + "」类型的文件；可上传："
					+ String.join(", ", new TreeSet<>(TYPES.keySet())));
		}
		var key = MONTH.format(now) + "/" + UUID.randomUUID();
		var target = root.resolve(area).resolve(key);
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
				throw new InvalidFieldException("file", "文件是空的");
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
		return new Stored(name, type, size, sha256, key);
	}

	/** The content of a stored file; the caller closes it. */
	public InputStream open(String area, String key) {
		try {
			return Files.newInputStream(root.resolve(area).resolve(key));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String cleanName(String fileName) {
		var name = fileName == null ? "" : Path.of(fileName.replace('\\', '/')).getFileName().toString().strip();
		name = name.replaceAll("[\\p{Cntrl}\"]", "");
		if (name.isEmpty() || name.length() > 200) {
			throw new InvalidFieldException("file", "文件名为 1 到 200 个字符");
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

	static final class LimitedInputStream extends FilterInputStream {

		private long left;

		LimitedInputStream(InputStream in, long limit) {
			super(in);
			this.left = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0 && --left < 0) {
				throw tooLarge();
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				left -= n;
				if (left < 0) {
					throw tooLarge();
				}
			}
			return n;
		}

		private static InvalidFieldException tooLarge() {
			return new InvalidFieldException("file", "文件最大 " + MAX_SIZE / (1024 * 1024) + " MB");
		}
	}
}
