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
 * @param emailRequired      the risk score asks for an emailed code on top of the factor (an account with a factor
 *                           must prove its email too before its code is accepted)
 * @param riskReasons        the ids of the risk reasons the login carried, for the audit trail and the
 *                           enrollment-burst rule; never shown to the user
 */
public record PendingLogin(String id, String username, List<String> registryCookies, String next, String clientIp,
        String userAgent, Instant createdAt, boolean emailVerified, String pendingTotpSecret, boolean emailRequired,
        List<String> riskReasons) {

    public PendingLogin {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        registryCookies = List.copyOf(registryCookies);
        riskReasons = List.copyOf(riskReasons);
    }

    /** A login that carried no risk. */
    public PendingLogin(String id, String username, List<String> registryCookies, String next, String clientIp,
            String userAgent, Instant createdAt, boolean emailVerified, String pendingTotpSecret) {
        this(id, username, registryCookies, next, clientIp, userAgent, createdAt, emailVerified, pendingTotpSecret,
                false, List.of());
    }

    public PendingLogin withEmailVerified() {
        return new PendingLogin(id, username, registryCookies, next, clientIp, userAgent, createdAt, true,
                pendingTotpSecret, emailRequired, riskReasons);
    }

    public PendingLogin withPendingTotpSecret(String secret) {
        return new PendingLogin(id, username, registryCookies, next, clientIp, userAgent, createdAt, emailVerified,
                secret, emailRequired, riskReasons);
    }

    /** Whether the email step still stands between this login and its factor. */
    public boolean awaitsEmail() {
        return emailRequired && !emailVerified;
    }

    /** Never prints the withheld cookies or the secret: they are credentials. */
    @Override
    public String toString() {
        return "PendingLogin[username=" + username + ", cookies=" + registryCookies.size() + ", emailVerified="
                + emailVerified + ", emailRequired=" + emailRequired + ", riskReasons=" + riskReasons + ", createdAt="
                + createdAt + "]";
    }
}
