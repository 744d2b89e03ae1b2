package org.minsheng.testsupport;

import java.nio.file.Files;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** Points a test context at a fresh database on the embedded PostgreSQL 17 server. */
public class Postgres17Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		try {
			var dataDir = Files.createTempDirectory("minsheng-pg17-");
			TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
					"spring.datasource.url=" + EmbeddedPostgresSupport.newDatabase(EmbeddedPostgresSupport.Version.V17),
					"spring.datasource.username=postgres", "spring.datasource.password=",
					"minsheng.data-dir=" + dataDir);
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
