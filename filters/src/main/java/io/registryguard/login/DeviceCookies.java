package io.registryguard.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.registryguard.session.SignedValue;
import org.springframework.http.ResponseCookie;

/**
 * OWASP "device cookies": after a successful login the browser gets a signed cookie naming the user and a device
 * id. An attempt that carries a valid one for the username it tries is charged to that device's budget, so an
 * attacker who burns the username's budget does not lock its owner out of a browser they already used.
 * The cookie is {@code __Host-}, {@code Secure}, {@code HttpOnly}, {@code SameSite=Strict}; its HMAC-SHA-256
 * key must be the same on every replica ({@code guard.device-cookie.key}).
 */
public final class DeviceCookies {

    public static final String COOKIE = "__Host-guard-device";
    private static final String VERSION = "v1";

    private final SignedValue signer;
    private final Duration maxAge;
    private final Clock clock;

    /**
     * @throws IllegalArgumentException when the key is shorter than 32 bytes (the message never shows the key)
     */
    public DeviceCookies(byte[] key, Duration maxAge, Clock clock) {
        this.signer = new SignedValue(key);
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** A key that lives as long as this process: fine for one node, wrong for replicas (their cookies differ). */
    public static byte[] randomKey() {
        return SignedValue.randomKey();
    }

    /** A new cookie for {@code username} (canonical form) on a new device id. */
    public ResponseCookie issue(String username) {
        String payload = VERSION + "|" + clock.instant().getEpochSecond() + "|" + SignedValue.randomId() + "|" + username;
        return ResponseCookie.from(COOKIE, signer.sign(payload)).path("/").secure(true).httpOnly(true)
                .sameSite("Strict").maxAge(maxAge).build();
    }

    /** The device id, when {@code value} is an intact, unexpired cookie issued for {@code username}. */
    public Optional<String> verify(String value, String username) {
        if (username == null) {
            return Optional.empty();
        }
        return signer.verify(value).flatMap(payload -> {
            String[] parts = payload.split("\\|", 4);
            if (parts.length != 4 || !parts[0].equals(VERSION) || !parts[3].equals(username)) {
                return Optional.empty();
            }
            try {
                Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[1]));
                Instant now = clock.instant();
                if (issued.isAfter(now.plusSeconds(60)) || issued.plus(maxAge).isBefore(now)) {
                    return Optional.empty();
                }
                return Optional.of(parts[2]);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public String toString() {
        return "DeviceCookies[maxAge=" + maxAge + "]";
    }
}
