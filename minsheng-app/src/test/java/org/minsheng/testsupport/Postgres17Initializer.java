package org.minsheng.testsupport;

/** Points a test context at a fresh database on the embedded PostgreSQL 17 server. */
public class Postgres17Initializer extends PostgresInitializer {

	@Override
	protected EmbeddedPostgresSupport.Version version() {
		return EmbeddedPostgresSupport.Version.V17;
	}
}
