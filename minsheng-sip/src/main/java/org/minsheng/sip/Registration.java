package org.minsheng.sip;

import java.time.Instant;

/**
 * A phone registered for an account.
 *
 * @param user      the account (an agent's extension)
 * @param contact   the Contact URI the phone gave
 * @param transport {@code udp} or {@code tcp}
 * @param source    {@code host:port} the REGISTER came from; calls go there, so phones behind NAT are reached
 * @param userAgent the phone's User-Agent header, if any
 * @param expiresAt when the registration lapses unless refreshed
 */
public record Registration(String user, String contact, String transport, String source, String userAgent,
						   Instant expiresAt) {
}
