package org.minsheng.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minsheng.MinshengApplication;
import org.minsheng.testsupport.OnH2;
import org.springframework.beans.factory.annotation.Value;

@OnH2
class AuditChainOnH2Test extends AuditChainContract {

	@Value("${spring.datasource.url}")
	String url;

	@Value("${minsheng.data-dir}")
	String dataDir;

	@Test
	void verifyCommandExitsNonZeroOnABrokenChain() {
		var args = new String[] { "--spring.datasource.url=" + url, "--minsheng.data-dir=" + dataDir,
				"--minsheng.identity.admin-password=unused-Pass-1" };
		assertThat(MinshengApplication.runAuditVerify(args)).isZero();
		trail.seal();
		long seq = count("select max(seq) from audit_entry");
		var original = jdbc.queryForObject("select actor from audit_entry where seq = ?", String.class, seq);
		jdbc.update("update audit_entry set actor = 'mallory' where seq = ?", seq);
		try {
			assertThat(MinshengApplication.runAuditVerify(args)).isEqualTo(3);
		}
		finally {
			jdbc.update("update audit_entry set actor = ? where seq = ?", original, seq);
		}
	}
}
