package org.minsheng.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import org.minsheng.MinshengApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Starts the application (without its web server) on a fresh H2 file database or embedded PostgreSQL. */
final class Databases implements AutoCloseable {

	private EmbeddedPostgres postgres;

	private ConfigurableApplicationContext context;

	ConfigurableApplicationContext start(String db, String... extra) throws Exception {
		var dataDir = Files.createTempDirectory("minsheng-bench-");
		var args = new ArrayList<>(List.of("--minsheng.data-dir=" + dataDir,
				"--minsheng.identity.admin-password=Bench-Admin-2026", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off"));
		if (db.equals("pg")) {
			postgres = EmbeddedPostgres.builder()
				.setPGStartupWait(java.time.Duration.ofSeconds(60))
				.setServerConfig("shared_buffers", "512MB")
				// as a production server has it (the embedded server's own default is off); pgbench gets the same
				.setServerConfig("synchronous_commit", System.getProperty("bench.pg.sync", "on"))
				.setServerConfig("max_connections", "200")
				.setServerConfig("log_statement", System.getProperty("bench.pg.log", "none"))
				.setServerConfig("logging_collector", System.getProperty("bench.pg.log", "none").equals("none") ? "off" : "on")
				.setServerConfig("log_directory", "/tmp/pglog")
				.start();
			try (var c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
					var s = c.createStatement()) {
				s.execute("create database minsheng");
			}
			args.addAll(List.of("--spring.profiles.active=postgres",
					"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "minsheng") + "&reWriteBatchedInserts=true",
					"--spring.datasource.username=postgres", "--minsheng.privacy.generate-keys=true"));
		}
		else if (!db.equals("h2")) {
			throw new IllegalArgumentException("db is h2 or pg, not " + db);
		}
		args.addAll(List.of(extra));
		var app = new SpringApplication(MinshengApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		context = app.run(args.toArray(String[]::new));
		return context;
	}

	int postgresPort() {
		return postgres.getPort();
	}

	@Override
	public void close() throws IOException {
		if (context != null) {
			context.close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}
}
