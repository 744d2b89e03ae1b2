package org.minsheng.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a real port with PostgreSQL, configured as production is (the
 * {@code postgres} profile) apart from keys, which tests generate.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "minsheng.identity.admin-password=" + Api.ADMIN_PASSWORD, "minsheng.contact.sip-port=0", "minsheng.privacy.generate-keys=true",
				"server.servlet.session.cookie.secure=false", "minsheng.nlp.retrain-cron=-",
				"server.shutdown=immediate",
				// a guessed password is answered this much later per failure beyond the third (1 s in production)
				"minsheng.identity.login-slowdown=20ms" })
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = PostgresInitializer.class)
@Import(TestClock.Configuration.class)
public @interface OnPostgres {
}
