package org.minsheng;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.minsheng.backup.BackupCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * {@code java -jar minsheng.jar} runs the platform. Commands, each with the server's own settings
 * ({@code --name=value} after them):
 * <ul>
 * <li>{@code audit verify}: checks the audit chain and exits (0 intact, 3 broken);</li>
 * <li>{@code backup <dir>}: a consistent backup of database and files, online (0 done, 2 refused);</li>
 * <li>{@code restore <dir>}: into an empty data folder and database, then verified (0 verified, 1
 * refused, 4 not verified).</li>
 * </ul>
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MinshengApplication {

	public static void main(String[] args) {
		if (isAuditVerify(args)) {
			System.exit(runAuditVerify(Arrays.copyOfRange(args, 2, args.length)));
		}
		if (args.length >= 2 && args[0].equals("backup")) {
			System.exit(BackupCommands.backup(Path.of(args[1]),
					Arrays.copyOfRange(args, 2, args.length)));
		}
		if (args.length >= 2 && args[0].equals("restore")) {
			System.exit(runRestore(Path.of(args[1]), Arrays.copyOfRange(args, 2, args.length)));
		}
		SpringApplication.run(MinshengApplication.class, args);
	}

	/** Restores, then starts the platform on the restored data to verify it; returns the exit code. */
	public static int runRestore(Path source, String... args) {
		try {
			BackupCommands.restoreData(source, args);
		}
		catch (Exception e) {
			System.out.println("恢复被拒绝或失败 restore refused or failed: " + e.getMessage());
			return 1;
		}
		var app = new SpringApplication(MinshengApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setDefaultProperties(Map.of("minsheng.command", "restore-verify", "spring.main.banner-mode", "off",
				"minsheng.audit.seal-interval", "PT1H", "minsheng.restore.source", source.toAbsolutePath().toString()));
		return SpringApplication.exit(app.run(args));
	}

	/** Background work (watches, sweeps, schedules) belongs to the serving platform, not to a command. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "minsheng.command", havingValue = "serve",
			matchIfMissing = true)
	@EnableScheduling
	static class Scheduling {
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
