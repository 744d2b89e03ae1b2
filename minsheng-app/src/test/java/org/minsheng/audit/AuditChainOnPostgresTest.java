package org.minsheng.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minsheng.testsupport.OnPostgres;

@OnPostgres
class AuditChainOnPostgresTest extends AuditChainContract {

	@Test
	void runsOnPostgreSql18() {
		assertThat(jdbc.queryForObject("select current_setting('server_version_num')", String.class)).startsWith("18");
	}
}
