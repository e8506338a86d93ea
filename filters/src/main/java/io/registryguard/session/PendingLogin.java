package io.registryguard.session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A password login the registry accepted, waiting for the second factor. Holds the registry's session cookies,
 * withheld from the browser until a factor is proven (2023, 2024: a password alone must never give a session).
 *
 * @param id                 random, the value of the {@code __Host-guard-pending} cookie
 * @param username           canonical (lower case)
 * @param registryCookies    the registry's {@code Set-Cookie} values, released verbatim after the factor
 * @param next               where the registry was sending the browser (its {@code Location})
 * @param clientIp           who logged in
 * @param userAgent          with what
 * @param createdAt          when the password was accepted
 * @param emailVerified      the account proved control of its email (needed before enrolling a first factor)
 * @param pendingTotpSecret  Base32 secret shown for enrollment, until confirmed; null otherwise
 */
public record PendingLogin(String id, String username, List<String> registryCookies, String next, String clientIp,
        String userAgent, Instant createdAt, boolean emailVerified, String pendingTotpSecret) {

    public PendingLogin {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        registryCookies = List.copyOf(registryCookies);
    }

    public PendingLogin withEmailVerified() {
        return new PendingLogin(id, username, registryCookies, next, clientIp, userAgent, createdAt, true,
                pendingTotpSecret);
    }

    public PendingLogin withPendingTotpSecret(String secret) {
        return new PendingLogin(id, username, registryCookies, next, clientIp, userAgent, createdAt, emailVerified,
                secret);
    }

    /** Never prints the withheld cookies or the secret: they are credentials. */
    @Override
    public String toString() {
        return "PendingLogin[username=" + username + ", cookies=" + registryCookies.size() + ", emailVerified="
                + emailVerified + ", createdAt=" + createdAt + "]";
    }
}
