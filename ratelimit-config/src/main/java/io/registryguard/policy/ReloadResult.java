package io.registryguard.policy;

import java.time.Instant;

/**
 * What one {@link PolicyReloader#checkNow()} found.
 *
 * @param outcome what happened to the running policy
 * @param hash    hex SHA-256 of the file's bytes as this check read them; null when the file could not be read
 * @param version the version of the policy running after this check (for {@code REJECTED}, the last good one)
 * @param message a sentence for logs and the admin API; for {@code REJECTED}, every problem, one per line
 * @param time    when the check ran
 */
public record ReloadResult(Outcome outcome, String hash, String version, String message, Instant time) {

    public enum Outcome {
        /** The file changed and is valid: it runs now and the listeners were told. */
        APPLIED,
        /**
         * The file is unreadable or invalid: the last good policy keeps running. Reported on every check while
         * the file stays bad (so a gauge on the last result is honest), logged once per distinct content.
         */
        REJECTED,
        /** The file holds exactly the running policy. */
        UNCHANGED
    }
}
