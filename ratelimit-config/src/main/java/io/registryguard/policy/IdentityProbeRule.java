package io.registryguard.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the guard asks the registry which account a fresh login session belongs to: after the registry accepts a
 * password, the guard sends {@code GET path} with the session cookies the registry just set, and reads the account
 * from the answer with a pattern (its first group) or a JSON pointer. A guard session then belongs to the account
 * the registry authenticated, not to the string the client typed (issue 11: a duplicated username field let the
 * guard and the registry disagree on who logged in).
 *
 * @param path        the registry path to ask, like {@code /manage/account/}: absolute, no scheme or host
 * @param pattern     a regular expression with exactly one group capturing the account; or null
 * @param jsonPointer an RFC 6901 pointer to the account in a JSON answer, like {@code /username}; or null
 * @param timeout     how long the registry gets to answer; past it the login is refused
 */
public record IdentityProbeRule(String path, Pattern pattern, String jsonPointer, Duration timeout) {

    public static final String METHOD = "GET";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(10);

    public IdentityProbeRule {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(timeout, "timeout");
        if (!path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("path must be a path on the registry, like /manage/account/");
        }
        if ((pattern == null) == (jsonPointer == null)) {
            throw new IllegalArgumentException("exactly one of pattern and jsonPointer");
        }
        if (pattern != null && pattern.matcher("").groupCount() != 1) {
            throw new IllegalArgumentException("the pattern must have exactly one group");
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout must be above 0 and at most " + MAX_TIMEOUT.toSeconds() + "s");
        }
    }
}
