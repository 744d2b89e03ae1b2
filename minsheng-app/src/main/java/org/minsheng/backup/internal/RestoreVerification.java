package org.minsheng.backup.internal;

import java.nio.file.Path;
import java.util.ArrayList;

import org.minsheng.audit.AuditTrail;
import org.minsheng.privacy.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code restore <dir>}, second half: the platform started on the restored data checks it as an
 * auditor would. Every table holds as many rows as the backup says, the audit chain verifies, and
 * a sample of personal data decrypts with the restored keys. Exit 0 when all hold, 4 when not.
 */
@Component
@ConditionalOnProperty(name = "minsheng.command", havingValue = "restore-verify")
class RestoreVerification implements ApplicationRunner, ExitCodeGenerator {

	private final JdbcTemplate jdbc;

	private final AuditTrail audit;

	private final PersonalDataCipher cipher;

	private final Path source;

	private int exitCode = 4;

	RestoreVerification(JdbcTemplate jdbc, AuditTrail audit, PersonalDataCipher cipher,
			@Value("${minsheng.restore.source}") String source) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.cipher = cipher;
		this.source = Path.of(source);
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		var manifest = BackupArchive.read(source);
		var problems = new ArrayList<String>();
		for (var t : manifest.tables().entrySet()) {
			// the queue of audit entries not yet sealed empties as the restored platform seals them
			if (t.getKey().equals("audit_pending")) continue;
			long rows = jdbc.queryForObject("select count(*) from " + t.getKey(), Long.class);
			if (rows != t.getValue()) problems.add(t.getKey() + "：备份 " + t.getValue() + " 行，恢复后 " + rows + " 行");
		}
		var chain = audit.verify();
		if (!chain.intact()) problems.add("审计链校验失败：第 " + chain.firstBrokenSeq() + " 条，" + chain.problem());
		var sample = jdbc.queryForList("select caller_phone_cipher from work_order where caller_phone_cipher is not null"
				+ " fetch first 1 rows only", String.class);
		if (sample.isEmpty()) {
			sample = jdbc.queryForList("select phone_cipher from citizen_phone fetch first 1 rows only", String.class);
		}
		String decrypted = null;
		if (!sample.isEmpty()) {
			try {
				decrypted = cipher.decrypt(sample.getFirst());
			}
			catch (RuntimeException e) {
				problems.add("个人信息样本无法解密（密钥不符）：" + e.getMessage());
			}
		}
		if (problems.isEmpty()) {
			System.out.printf("恢复校验通过 restore verified: %d 张表行数一致，审计链完整（%d 条），%s%n", manifest.tables().size(),
					chain.checked(), decrypted == null ? "没有个人信息样本" : "个人信息样本解密成功");
			exitCode = 0;
		}
		else {
			System.out.println("恢复校验未通过 restore NOT verified:");
			problems.forEach(p -> System.out.println("  - " + p));
		}
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}
}
