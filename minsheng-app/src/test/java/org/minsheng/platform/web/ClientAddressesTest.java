package org.minsheng.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ClientAddressesTest {

	static String client(String peer, List<String> forwarded, String... trusted) {
		return ClientAddresses.client(peer, Collections.enumeration(forwarded), ClientAddresses.ranges(trusted));
	}

	@Test
	void aForwardedHeaderFromAnUntrustedPeerIsIgnored() {
		assertThat(client("203.0.113.9", List.of("127.0.0.9"), "10.0.0.5")).isEqualTo("203.0.113.9");
		assertThat(client("203.0.113.9", List.of("127.0.0.9"))).isEqualTo("203.0.113.9");
	}

	@Test
	void behindATrustedProxyTheClientIsTheRightMostUntrustedHop() {
		assertThat(client("10.0.0.5", List.of("198.51.100.7"), "10.0.0.5")).isEqualTo("198.51.100.7");
		// a client that sends its own header cannot choose: the proxy appends the real peer last
		assertThat(client("10.0.0.5", List.of("1.2.3.4, 198.51.100.7"), "10.0.0.5")).isEqualTo("198.51.100.7");
		// two proxies of the center in a row
		assertThat(client("10.0.0.5", List.of("198.51.100.7, 10.0.1.9"), "10.0.0.0/16")).isEqualTo("198.51.100.7");
		assertThat(client("10.0.0.5", List.of("198.51.100.7", "10.0.1.9"), "10.0.0.0/16")).isEqualTo("198.51.100.7");
		assertThat(client("::1", List.of("2001:db8::7"), "::1")).isEqualTo("2001:db8::7");
	}

	@Test
	void aTrustedProxyWithoutAUsableHeaderIsTheClient() {
		assertThat(client("10.0.0.5", List.of(), "10.0.0.5")).isEqualTo("10.0.0.5");
		assertThat(client("10.0.0.5", List.of("not-an-address"), "10.0.0.5")).isEqualTo("10.0.0.5");
	}

	@Test
	void aBadTrustedProxySettingStopsTheStartAndNamesIt() {
		assertThatThrownBy(() -> ClientAddresses.ranges("10.0.0.0/40")).hasMessageContaining("minsheng.web.trusted-proxies");
		assertThatThrownBy(() -> ClientAddresses.ranges("proxy.example")).hasMessageContaining("proxy.example");
	}

	@Test
	void theFilterShowsTheClientToEverythingAfterIt() throws Exception {
		var filter = new ClientAddresses().clientAddressFilter(List.of("127.0.0.1")).getFilter();
		var request = new MockHttpServletRequest("GET", "/api/me");
		request.setRemoteAddr("127.0.0.1");
		request.addHeader("X-Forwarded-For", "198.51.100.7");
		var chain = new MockFilterChain();
		filter.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest().getRemoteAddr()).isEqualTo("198.51.100.7");

		var direct = new MockHttpServletRequest("GET", "/api/me");
		direct.setRemoteAddr("127.0.0.2");
		direct.addHeader("X-Forwarded-For", "198.51.100.7");
		var next = new MockFilterChain();
		filter.doFilter(direct, new MockHttpServletResponse(), next);
		assertThat(next.getRequest().getRemoteAddr()).isEqualTo("127.0.0.2");
	}
}
