package org.minsheng.testsupport;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Base of the tests that drive the running application over HTTP and look into its database. */
public abstract class ApplicationTest {

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
