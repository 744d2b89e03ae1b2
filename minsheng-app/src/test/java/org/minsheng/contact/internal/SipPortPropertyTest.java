package org.minsheng.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The call engine's port is {@code minsheng.contact.sip-port}, or {@code minsheng.sip.port} as the issue names it. */
class SipPortPropertyTest {

	static String sipPort(Map<String, Object> given) throws Exception {
		var env = new StandardEnvironment();
		env.getPropertySources().addFirst(new MapPropertySource("given", given));
		for (var source : new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))) {
			env.getPropertySources().addLast(source);
		}
		return env.getProperty("minsheng.contact.sip-port");
	}

	@Test
	void defaultsTo5060AndFollowsEitherName() throws Exception {
		assertThat(sipPort(Map.of())).isEqualTo("5060");
		assertThat(sipPort(Map.of("minsheng.sip.port", "5070"))).isEqualTo("5070");
		assertThat(sipPort(Map.of("minsheng.contact.sip-port", "5080", "minsheng.sip.port", "5070"))).isEqualTo("5080");
	}
}
