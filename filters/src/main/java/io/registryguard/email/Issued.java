package io.registryguard.email;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A freshly issued code: what to mail. Exists only between {@link EmailVerification#issue} and the mail;
 * never log it ({@link #toString()} hides the code).
 *
 * @param code      the digits to send
 * @param expiresAt the code is refused from this instant on
 * @param validFor  how long it was issued for (for "expires in 10 minutes")
 */
public record Issued(String code, Instant expiresAt, Duration validFor) {

    public Issued {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(validFor, "validFor");
    }

    @Override
    public String toString() {
        return "Issued[code=(hidden), expiresAt=" + expiresAt + ", validFor=" + validFor + "]";
    }
}
