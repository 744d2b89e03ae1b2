package org.minsheng.platform.web;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The client's address, which the login and look-up throttles and the audit trail count by. A
 * request's own peer address is the client, unless that peer is one of the reverse proxies named
 * in {@code minsheng.web.trusted-proxies} (addresses or CIDR ranges, none by default): then the
 * client is the right-most address of {@code X-Forwarded-For} that is not itself a trusted proxy.
 * A header from anyone else is ignored, so nobody chooses the address they are counted under.
 */
@Configuration(proxyBeanMethods = false)
class ClientAddresses {

	/** An address range: a network and how many leading bits of it count. */
	record Range(byte[] network, int bits) {

		static Range parse(String text) {
			var parts = text.strip().split("/", 2);
			try {
				var address = InetAddress.ofLiteral(parts[0]).getAddress();
				int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
				if (bits < 0 || bits > address.length * 8) throw new IllegalArgumentException();
				return new Range(address, bits);
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException(
						"minsheng.web.trusted-proxies: '" + text + "' is no address or CIDR range (10.0.0.5, 10.0.0.0/24)");
			}
		}

		boolean contains(byte[] address) {
			if (address.length != network.length) return false;
			var mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftLeft(address.length * 8 - bits);
			return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
		}
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> clientAddressFilter(
			@Value("${minsheng.web.trusted-proxies:}") List<String> trusted) {
		var ranges = trusted.stream().filter(t -> !t.isBlank()).map(Range::parse).toList();
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				var client = ranges.isEmpty() ? null : client(request.getRemoteAddr(),
						request.getHeaders("X-Forwarded-For"), ranges);
				if (client == null || client.equals(request.getRemoteAddr())) {
					chain.doFilter(request, response);
					return;
				}
				chain.doFilter(new HttpServletRequestWrapper(request) {
					@Override
					public String getRemoteAddr() {
						return client;
					}

					@Override
					public String getRemoteHost() {
						return client;
					}
				}, response);
			}
		});
		// before Spring Security, so the login throttle and the audit see the client
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/** The client behind the trusted proxies, or the peer itself. */
	static String client(String peer, Enumeration<String> forwardedHeaders, List<Range> trusted) {
		if (!isTrusted(peer, trusted)) return peer;
		var hops = new ArrayList<String>();
		while (forwardedHeaders.hasMoreElements()) {
			for (var hop : forwardedHeaders.nextElement().split(",")) {
				if (!hop.isBlank()) hops.add(hop.strip());
			}
		}
		for (int i = hops.size() - 1; i >= 0; i--) {
			var hop = hops.get(i);
			if (!isTrusted(hop, trusted)) return literal(hop) == null ? peer : hop;
		}
		return peer;
	}

	private static boolean isTrusted(String address, List<Range> trusted) {
		var bytes = literal(address);
		return bytes != null && trusted.stream().anyMatch(r -> r.contains(bytes));
	}

	private static byte[] literal(String address) {
		try {
			return InetAddress.ofLiteral(address).getAddress();
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	static List<Range> ranges(String... texts) {
		return Arrays.stream(texts).map(Range::parse).toList();
	}
}
