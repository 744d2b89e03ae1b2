package org.minsheng.contact.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sipEnabled whether the server starts the call engine (the embedded default does)
 * @param sipBind the address SIP and RTP bind to; {@code 127.0.0.1} on a laptop, the server's
 *     address in a center
 * @param sipAdvertised the address phones and trunks are told (a public address behind NAT);
 *     defaults to {@code sipBind}
 * @param sipPort the SIP port, UDP and TCP ({@code 0} picks a free one, for tests)
 * @param rtpPortMin the lowest RTP port
 * @param rtpPortMax the highest RTP port
 * @param realm the digest realm agents' phones register in
 * @param requestsPerSecond SIP requests one address may send a second before it is throttled
 * @param planFile the call plan (IVR flows and queues); written from the built-in demo plan when
 *     missing; empty = {@code <data-dir>/contact/call-plan.yml}
 * @param serviceAccount the user the IVR acts as when it registers voice messages as orders
 * @param serviceLevelTarget answered within this wait counts toward the service level (GB/T 33358: 15 s)
 * @param trunk the carrier's gateway ({@code host:port}) calls to citizens go out through
 *     (callbacks); empty = the center does not call out
 * @param trunkTransport {@code udp} or {@code tcp}
 * @param trunkCallerId the number citizens see when the center calls them
 * @param callbackRingTimeout how long a citizen's phone rings when called back
 */
@ConfigurationProperties("minsheng.contact")
record ContactSettings(@DefaultValue("true") boolean sipEnabled, @DefaultValue("127.0.0.1") String sipBind,
		String sipAdvertised, @DefaultValue("5060") int sipPort, @DefaultValue("20000") int rtpPortMin,
		@DefaultValue("29999") int rtpPortMax, @DefaultValue("minsheng") String realm,
		@DefaultValue("50") int requestsPerSecond, String planFile, @DefaultValue("ivr") String serviceAccount,
		@DefaultValue("15s") Duration serviceLevelTarget, String trunk, @DefaultValue("udp") String trunkTransport,
		@DefaultValue("12345") String trunkCallerId, @DefaultValue("30s") Duration callbackRingTimeout) {
}
