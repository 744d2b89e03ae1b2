package org.minsheng.testsupport;

import java.nio.file.Files;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** Points a test context at a fresh database on the embedded PostgreSQL server of {@link #version()}. */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	protected EmbeddedPostgresSupport.Version version() {
		return EmbeddedPostgresSupport.Version.V18;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		try {
			var dataDir = Files.createTempDirectory("minsheng-pg-");
			TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
					"spring.datasource.url=" + EmbeddedPostgresSupport.newDatabase(version()),
					"spring.datasource.username=postgres", "spring.datasource.password=",
					"minsheng.data-dir=" + dataDir);
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
