package org.minsheng.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minsheng.testsupport.OnPostgres17;

@OnPostgres17
class AuditChainOnPostgres17Test extends AuditChainContract {

	@Test
	void runsOnPostgreSql17() {
		assertThat(jdbc.queryForObject("select current_setting('server_version_num')", String.class)).startsWith("17");
	}
}
