package org.minsheng.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/** The whole application on a real port with the embedded H2 file database. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "minsheng.identity.admin-password=" + Api.ADMIN_PASSWORD, "minsheng.contact.sip-port=0",
				"minsheng.nlp.retrain-cron=-",
				"server.shutdown=immediate",
				// a guessed password is answered this much later per failure beyond the third (1 s in production)
				"minsheng.identity.login-slowdown=20ms" })
@ContextConfiguration(initializers = H2Initializer.class)
@Import(TestClock.Configuration.class)
public @interface OnH2 {
}
