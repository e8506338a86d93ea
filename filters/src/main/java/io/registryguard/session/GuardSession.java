package io.registryguard.session;

import java.time.Instant;
import java.util.Set;

import org.springframework.web.server.ServerWebExchange;

/**
 * A login completed with a second factor, bound to the registry session it released (by a hash of that
 * session's cookie): a registry session made around the gateway has no guard session and is refused.
 *
 * @param sid                 random id (step-up tokens are bound to it)
 * @param subject             the account
 * @param authTime            when the last factor was proven
 * @param amr                 how (RFC 8176: {@code otp}, {@code hwk}, plus {@code email} for an emailed code)
 * @param registrySessionHash hex SHA-256 of the registry session cookie's value
 * @param expiresAt           when the guard session ends
 */
public record GuardSession(String sid, String subject, Instant authTime, Set<String> amr, String registrySessionHash,
        Instant expiresAt) {

    /** Exchange attribute holding the request's verified {@link GuardSession}. */
    public static final String ATTRIBUTE = GuardSession.class.getName();

    public GuardSession {
        amr = Set.copyOf(amr);
    }

    public static GuardSession of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
