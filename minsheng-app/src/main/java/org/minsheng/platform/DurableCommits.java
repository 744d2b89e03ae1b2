package org.minsheng.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A request is acknowledged only once its commit is on disk. H2 gets this from {@code WRITE_DELAY=0}
 * in its URL. On PostgreSQL a server (or a test server) may run with {@code synchronous_commit = off},
 * which acknowledges commits that a crash of the database then loses; every connection of the
 * platform raises such an {@code off} to {@code on} for its own transactions. Stronger settings a DBA
 * chose ({@code remote_apply}, {@code remote_write}, {@code local}) are left as they are.
 */
@Component
class DurableCommits implements BeanPostProcessor {

	private static final Logger log = LoggerFactory.getLogger(DurableCommits.class);

	static final String RAISE = "select set_config('synchronous_commit', 'on', false)"
			+ " where current_setting('synchronous_commit') = 'off'";

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
				&& pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
			pool.setConnectionInitSql(RAISE);
			log.debug("PostgreSQL connections commit synchronously (synchronous_commit off raised to on)");
		}
		return bean;
	}
}
