package org.minsheng.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** As {@link OnPostgres}, on PostgreSQL 17 (binaries copied for Linux x86-64, where CI runs). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledOnOs(value = OS.LINUX, architectures = "amd64")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "minsheng.identity.admin-password=" + Api.ADMIN_PASSWORD, "minsheng.contact.sip-port=0", "minsheng.privacy.generate-keys=true",
				"server.servlet.session.cookie.secure=false", "minsheng.nlp.retrain-cron=-",
				"server.shutdown=immediate",
				// a guessed password is answered this much later per failure beyond the third (1 s in production)
				"minsheng.identity.login-slowdown=20ms" })
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = Postgres17Initializer.class)
@Import(TestClock.Configuration.class)
public @interface OnPostgres17 {
}
