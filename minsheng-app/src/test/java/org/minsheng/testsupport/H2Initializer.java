package org.minsheng.testsupport;

import java.nio.file.Files;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** The embedded default, as shipped: an H2 file database in a fresh data folder. */
public class H2Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		try {
			var dataDir = Files.createTempDirectory("minsheng-h2-");
			TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, "minsheng.data-dir=" + dataDir);
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
