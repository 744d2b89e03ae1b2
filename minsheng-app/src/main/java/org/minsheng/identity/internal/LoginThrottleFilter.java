package org.minsheng.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.minsheng.platform.web.ProblemResponses;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a password from a source the {@link LoginThrottle} holds back, before the password is
 * checked: HTTP Basic on the API with 429 and {@code Retry-After}, the console's sign-in form with
 * its page saying when to try again. API tokens pass untouched.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var username = attemptedUsername(request);
		if (username != null) {
			var wait = throttle.blocked(request.getRemoteAddr(), username);
			if (wait.isPresent()) {
				long seconds = wait.getAsLong();
				if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
					response.setHeader("Retry-After", Long.toString(seconds));
					ProblemResponses.write(response, 429, "登录尝试过于频繁",
							"此来源的密码错误次数过多，请 " + minutes(seconds) + " 分钟后再试；使用 API 令牌的调用不受影响"
									+ "（too many failed logins from this address）");
				}
				else {
					response.sendRedirect(request.getContextPath() + "/login?blocked=" + minutes(seconds));
				}
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/** The account a request tries a password for: Basic credentials, or the console's sign-in form. */
	private static String attemptedUsername(HttpServletRequest request) {
		var header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				var decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return colon < 0 ? null : decoded.substring(0, colon);
			}
			catch (IllegalArgumentException notBase64) {
				return null;
			}
		}
		if ("POST".equals(request.getMethod()) && request.getRequestURI().equals(request.getContextPath() + "/login")) {
			return request.getParameter("username");
		}
		return null;
	}

	private static long minutes(long seconds) {
		return Math.max(1, (seconds + 59) / 60);
	}
}
