package org.minsheng.backup.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The {@code backup} and {@code restore} commands as an operator types them. The settings (data
 * folder, database) are read exactly as the server reads them: application.yml, profiles,
 * environment, {@code --name=value} arguments.
 */
public final class BackupCommandLine {

	private BackupCommandLine() {
	}

	/** An empty configuration: only the environment is wanted, no bean of the platform. */
	static class SettingsOnly {
	}

	static ConfigurableEnvironment settings(String... springArgs) {
		try (var context = new SpringApplicationBuilder(SettingsOnly.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run(springArgs)) {
			return context.getEnvironment();
		}
	}

	static Path dataDir(ConfigurableEnvironment env) {
		return Path.of(env.getRequiredProperty("minsheng.data-dir"));
	}

	static Path controlSocket(Path dataDir) {
		return dataDir.resolve("run").resolve("control.sock");
	}

	/**
	 * {@code backup <dir>}: through the running server's control socket when one runs on this data
	 * folder (the only way into an H2 database it holds open), else straight from the stopped data.
	 * Returns the exit code: 0 done, 2 refused.
	 */
	public static int backup(Path target, String... springArgs) {
		var env = settings(springArgs);
		var dataDir = dataDir(env);
		var absolute = target.toAbsolutePath().normalize();
		try {
			var socket = controlSocket(dataDir);
			if (Files.exists(socket)) {
				try (var channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
					channel.connect(UnixDomainSocketAddress.of(socket));
					var out = Channels.newOutputStream(channel);
					out.write(("backup " + absolute + "\n").getBytes(StandardCharsets.UTF_8));
					out.flush();
					var reply = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8))
						.readLine();
					System.out.println(reply == null ? "服务器没有回答 (no answer from the server)" : reply);
					return reply != null && reply.startsWith("OK") ? 0 : 2;
				}
				catch (IOException noServer) {
					// a socket file left by a killed server: nobody listens, the data is ours
				}
			}
			try (var c = DriverManager.getConnection(env.getRequiredProperty("spring.datasource.url"),
					env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"))) {
				var manifest = BackupArchive.take(c, dataDir, absolute, OffsetDateTime.now(ZoneId.of("Asia/Shanghai")));
				System.out.println(summary(absolute, manifest));
				return 0;
			}
		}
		catch (Exception e) {
			System.out.println("备份失败 backup failed: " + e.getMessage());
			return 2;
		}
	}

	static String summary(Path target, BackupArchive.Manifest m) {
		return "OK 备份完成 backup done: " + target + "，" + m.tables().size() + " 张表 " + m.rows() + " 行，"
				+ m.files().stream().filter(e -> e.path().startsWith("files/")).count() + " 个文件，数据库结构版本 "
				+ m.schemaVersion() + (m.keysIncluded() ? "，含个人信息密钥（请妥善保管备份）" : "，密钥不在备份中（来自环境变量，请另行保管）");
	}

	/**
	 * {@code restore <dir>}, first half: files and tables into the empty data folder and database.
	 * The platform then starts on them to verify (see {@code RestoreVerification}). Throws, having
	 * changed nothing, when the backup is damaged or the folder or the database is not empty.
	 */
	public static void restoreData(Path source, String... springArgs) throws Exception {
		var env = settings(springArgs);
		var url = env.getRequiredProperty("spring.datasource.url");
		var vendor = DatabaseDriver.fromJdbcUrl(url).getId();
		List<String> migrations = Arrays.stream(env.getProperty("spring.flyway.locations", "classpath:db/migration").split(","))
			.map(String::strip)
			.map(l -> l.replace("{vendor}", vendor))
			.toList();
		var restored = Restore.run(source.toAbsolutePath().normalize(), new Restore.Target(dataDir(env), url,
				env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"), migrations));
		System.out.println("已恢复 restored: " + restored.size() + " 张表 "
				+ restored.values().stream().mapToLong(Long::longValue).sum() + " 行；正在校验 (verifying)…");
	}
}
