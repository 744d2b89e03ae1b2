package org.minsheng.sip;

import java.util.Objects;

/**
 * The carrier's gateway (or the SBC in front of it) that calls to citizens' numbers go out through: callbacks, and
 * transfers to outside numbers. The gateway trusts the engine's address (IP authentication, as carriers' SIP trunks
 * to government hotlines are set up); the number shown to the citizen is {@code callerId}.
 *
 * @param host      the gateway's address
 * @param port      its SIP port
 * @param transport {@code udp} or {@code tcp}
 * @param callerId  the number the citizen sees (the hotline's number, e.g. {@code 12345})
 */
public record Trunk(String host, int port, String transport, String callerId) {

	public Trunk {
		Objects.requireNonNull(host, "host");
		if (host.isBlank()) throw new IllegalArgumentException("trunk host is empty");
		if (port < 1 || port > 65535) throw new IllegalArgumentException("trunk port out of range: " + port);
		transport = transport == null || transport.isBlank() ? "udp" : transport.toLowerCase();
		if (!transport.equals("udp") && !transport.equals("tcp")) {
			throw new IllegalArgumentException("trunk transport must be udp or tcp: " + transport);
		}
		if (callerId == null || !callerId.matches("\\+?[0-9]{3,20}")) {
			throw new IllegalArgumentException("trunk caller id must be a number: " + callerId);
		}
	}

	/** Reads {@code host:port} (port 5060 when left out). */
	public static Trunk parse(String hostPort, String transport, String callerId) {
		String s = hostPort.strip();
		int colon = s.lastIndexOf(':');
		if (colon < 0) return new Trunk(s, 5060, transport, callerId);
		try {
			return new Trunk(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)), transport, callerId);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("trunk address must be host:port: " + hostPort);
		}
	}
}
