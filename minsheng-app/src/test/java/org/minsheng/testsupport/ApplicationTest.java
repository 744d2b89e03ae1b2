package org.minsheng.testsupport;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Base of the tests that drive the running application over HTTP and look into its database. */
public abstract class ApplicationTest {

	/**
	 * The center's trunk is the test gateway's port (a sipp scenario plays the carrier), the same for
	 * every context of the run, so contexts stay shared.
	 */
	@org.springframework.test.context.DynamicPropertySource
	static void trunk(org.springframework.test.context.DynamicPropertyRegistry registry) {
		registry.add("minsheng.contact.trunk", () -> "127.0.0.1:" + org.minsheng.sip.testkit.Sipp.gatewayPort());
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcTemplate jdbc;

	protected Api api;

	protected IdentityFixture given;

	@BeforeEach
	void connect() {
		api = new Api(port);
		given = new IdentityFixture(api);
	}

	protected long count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}
}
