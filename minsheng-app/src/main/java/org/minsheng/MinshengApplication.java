package org.minsheng;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * {@code java -jar minsheng.jar} runs the platform; {@code java -jar minsheng.jar audit verify}
 * checks the audit chain of the configured database and exits (0 intact, 3 broken).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MinshengApplication {

	public static void main(String[] args) {
		if (isAuditVerify(args)) {
			System.exit(runAuditVerify(Arrays.copyOfRange(args, 2, args.length)));
		}
		SpringApplication.run(MinshengApplication.class, args);
	}

	static boolean isAuditVerify(String[] args) {
		return args.length >= 2 && args[0].equals("audit") && args[1].equals("verify");
	}

	/** Runs the audit verification command without a web server; returns the exit code. */
	public static int runAuditVerify(String... args) {
		var app = new SpringApplication(MinshengApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setDefaultProperties(Map.of("minsheng.command", "audit-verify", "spring.main.banner-mode", "off",
				"minsheng.audit.seal-interval", "PT1H"));
		return SpringApplication.exit(app.run(args));
	}
}
