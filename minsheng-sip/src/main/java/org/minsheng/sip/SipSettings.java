package org.minsheng.sip;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the call engine listens and behaves.
 *
 * @param bindAddress          the local address SIP and RTP sockets bind to
 * @param advertisedAddress    the address put in Via, Contact and SDP (a public address behind NAT); defaults to
 *                             {@code bindAddress}
 * @param port                 the SIP port for UDP and TCP
 * @param transports           {@code udp} and/or {@code tcp}
 * @param realm                the digest-authentication realm agents' phones register in
 * @param rtpPortMin           the lowest RTP port handed out (even)
 * @param rtpPortMax           the highest RTP port handed out
 * @param minRegistration      shorter registrations are refused with 423 Interval Too Brief
 * @param maxRegistration      longer registrations are shortened to this
 * @param requestsPerSecond    requests one source address may send per second before it is throttled
 * @param recordingDirectory   where call recordings are written
 * @param trunk                where calls to citizens go out (callbacks, transfers to outside numbers); null for none
 */
public record SipSettings(
		String bindAddress,
		String advertisedAddress,
		int port,
		Set<String> transports,
		String realm,
		int rtpPortMin,
		int rtpPortMax,
		Duration minRegistration,
		Duration maxRegistration,
		int requestsPerSecond,
		Path recordingDirectory,
		Trunk trunk) {

	public SipSettings {
		Objects.requireNonNull(bindAddress, "bindAddress");
		if (advertisedAddress == null || advertisedAddress.isBlank()) advertisedAddress = bindAddress;
		if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range (0 picks a free one): " + port);
		transports = Set.copyOf(transports);
		if (transports.isEmpty() || !Set.of("udp", "tcp").containsAll(transports)) {
			throw new IllegalArgumentException("transports must be udp and/or tcp: " + transports);
		}
		if (rtpPortMin < 1024 || rtpPortMax > 65535 || rtpPortMax - rtpPortMin < 2) {
			throw new IllegalArgumentException("RTP port range " + rtpPortMin + "-" + rtpPortMax + " is not usable");
		}
		if (requestsPerSecond < 1) throw new IllegalArgumentException("requestsPerSecond must be positive");
		Objects.requireNonNull(realm, "realm");
		Objects.requireNonNull(recordingDirectory, "recordingDirectory");
	}

	/** Loopback defaults, for a laptop and for tests. */
	public static SipSettings loopback(int port, Path recordingDirectory) {
		return new SipSettings("127.0.0.1", null, port, Set.of("udp", "tcp"), "minsheng", 20000, 29999,
				Duration.ofSeconds(60), Duration.ofHours(1), 200, recordingDirectory, null);
	}

	public SipSettings withRtpPorts(int min, int max) {
		return new SipSettings(bindAddress, advertisedAddress, port, transports, realm, min, max, minRegistration,
				maxRegistration, requestsPerSecond, recordingDirectory, trunk);
	}

	public SipSettings withRequestsPerSecond(int limit) {
		return new SipSettings(bindAddress, advertisedAddress, port, transports, realm, rtpPortMin, rtpPortMax,
				minRegistration, maxRegistration, limit, recordingDirectory, trunk);
	}

	public SipSettings withTrunk(Trunk trunk) {
		return new SipSettings(bindAddress, advertisedAddress, port, transports, realm, rtpPortMin, rtpPortMax,
				minRegistration, maxRegistration, requestsPerSecond, recordingDirectory, trunk);
	}
}
