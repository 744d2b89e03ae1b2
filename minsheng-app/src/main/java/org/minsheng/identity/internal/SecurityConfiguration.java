package org.minsheng.identity.internal;

import java.time.Clock;
import java.util.Map;

import org.minsheng.identity.Permission;
import org.minsheng.platform.web.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two doors: {@code /api/**} is stateless (HTTP Basic or an API token on every request, no
 * cookies, so no CSRF to forge); the console uses a form login with a session and CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		var argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
		return new DelegatingPasswordEncoder("argon2",
				Map.of("argon2", argon2, "bcrypt", new BCryptPasswordEncoder()));
	}

	@Bean
	@Order(1)
	@ConditionalOnWebApplication
	SecurityFilterChain api(HttpSecurity http, UserRows rows, PlatformTransactionManager tm,
			ApplicationEventPublisher events, Clock clock, LoginThrottle throttle) throws Exception {
		AuthenticationEntryPoint entryPoint = (request, response, e) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"minsheng\", charset=\"UTF-8\"");
			ProblemResponses.write(response, 401, "Unauthorized",
					"请先认证：HTTP Basic 或 API 令牌（Authorization: Bearer ms_...）");
		};
		AccessDeniedHandler denied = (request, response, e) -> ProblemResponses.write(response, 403, "Forbidden",
				"您没有执行此操作的权限");
		var tokens = new ApiTokenFilter(rows, new TransactionTemplate(tm), events, entryPoint, clock);
		http.securityMatcher("/api/**", "/actuator/prometheus")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
			.addFilterBefore(tokens, BasicAuthenticationFilter.class)
			.addFilterBefore(new LoginThrottleFilter(throttle), BasicAuthenticationFilter.class)
			.exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
			.authorizeHttpRequests(auth -> auth.requestMatchers("/api/public/**").permitAll()
				.requestMatchers("/actuator/prometheus").hasAuthority(Permission.METRICS_READ.name())
				.anyRequest()
				.authenticated());
		return http.build();
	}

	@Bean
	@Order(2)
	@ConditionalOnWebApplication
	SecurityFilterChain console(HttpSecurity http, LoginThrottle throttle, LoginEvents logins) throws Exception {
		var landing = new SavedRequestAwareAuthenticationSuccessHandler();
		landing.setDefaultTargetUrl("/");
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/webjars/**", "/vendor/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
					"/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/public/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").successHandler((request, response, auth) -> {
				logins.consoleLogin(auth);
				landing.onAuthenticationSuccess(request, response, auth);
			}).permitAll())
			.addFilterBefore(new LoginThrottleFilter(throttle),
					UsernamePasswordAuthenticationFilter.class)
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
		return http.build();
	}
}
