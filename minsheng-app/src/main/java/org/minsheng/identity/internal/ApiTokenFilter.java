package org.minsheng.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Authenticates {@code Authorization: Bearer ms_...} with a stored token's SHA-256. */
final class ApiTokenFilter extends OncePerRequestFilter {

	private final UserRows rows;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final AuthenticationEntryPoint entryPoint;

	private final Clock clock;

	private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

	ApiTokenFilter(UserRows rows, TransactionTemplate tx, ApplicationEventPublisher events,
			AuthenticationEntryPoint entryPoint, Clock clock) {
		this.rows = rows;
		this.tx = tx;
		this.events = events;
		this.entryPoint = entryPoint;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		var token = header.substring(7).strip();
		var principal = tx.execute(s -> rows.tokenOwner(UserService.sha256(token), OffsetDateTime.now(clock))
			.flatMap(rows::principal)
			.orElse(null));
		if (principal == null) {
			var attempt = UsernamePasswordAuthenticationToken.unauthenticated("token:" + prefix(token), null);
			attempt.setDetails(details.buildDetails(request));
			var failure = new BadCredentialsException("Unknown, revoked or expired API token");
			events.publishEvent(new AuthenticationFailureBadCredentialsEvent(attempt, failure));
			SecurityContextHolder.clearContext();
			entryPoint.commence(request, response, failure);
			return;
		}
		var auth = new ApiTokenAuthentication(principal);
		auth.setDetails(details.buildDetails(request));
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(auth);
		SecurityContextHolder.setContext(context);
		events.publishEvent(new AuthenticationSuccessEvent(auth));
		chain.doFilter(request, response);
	}

	private static String prefix(String token) {
		return token.length() <= 8 ? token : token.substring(0, 8);
	}
}
