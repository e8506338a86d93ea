package io.registryguard.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.ResponseCookie;

/**
 * The guard session as a signed {@code __Host-guard-session} cookie, checked on every request that carries the
 * registry's session cookie without a store round trip (the public path stays store-free). It is bound to that
 * registry cookie by hash, so neither works without the other.
 */
public final class GuardSessionCookies {

    public static final String COOKIE = "__Host-guard-session";
    private static final String VERSION = "s1";

    private final SignedValue signer;
    private final Duration lifetime;
    private final Clock clock;

    public GuardSessionCookies(SignedValue signer, Duration lifetime, Clock clock) {
        this.signer = signer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A new session for {@code subject}, bound to the registry session cookie value it releases. */
    public GuardSession start(String subject, Set<String> amr, String registrySessionValue) {
        Instant now = clock.instant();
        return new GuardSession(SignedValue.randomId(), subject, now, amr, hash(registrySessionValue), now.plus(lifetime));
    }

    public ResponseCookie cookie(GuardSession session) {
        String payload = String.join("|", VERSION, session.sid(), session.subject(),
                Long.toString(session.authTime().getEpochSecond()), String.join(",", session.amr()),
                session.registrySessionHash(), Long.toString(session.expiresAt().getEpochSecond()));
        return ResponseCookie.from(COOKIE, signer.sign(payload)).path("/").secure(true).httpOnly(true)
                .sameSite("Strict").maxAge(Duration.between(clock.instant(), session.expiresAt())).build();
    }

    /** Clears the cookie in the browser. */
    public static ResponseCookie expired() {
        return ResponseCookie.from(COOKIE, "").path("/").secure(true).httpOnly(true).sameSite("Strict").maxAge(0)
                .build();
    }

    /** The session, when the cookie is intact, unexpired and bound to {@code registrySessionValue}. */
    public Optional<GuardSession> verify(String cookieValue, String registrySessionValue) {
        if (registrySessionValue == null) {
            return Optional.empty();
        }
        return signer.verify(cookieValue).flatMap(payload -> {
            String[] parts = payload.split("\\|", -1);
            if (parts.length != 7 || !parts[0].equals(VERSION)) {
                return Optional.empty();
            }
            try {
                Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[6]));
                boolean bound = MessageDigest.isEqual(parts[5].getBytes(StandardCharsets.US_ASCII),
                        hash(registrySessionValue).getBytes(StandardCharsets.US_ASCII));
                if (!bound || !expiresAt.isAfter(clock.instant())) {
                    return Optional.empty();
                }
                Set<String> amr = new LinkedHashSet<>(Arrays.asList(parts[4].split(",")));
                amr.remove("");
                return Optional.of(new GuardSession(parts[1], parts[2], Instant.ofEpochSecond(Long.parseLong(parts[3])),
                        amr, parts[5], expiresAt));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
