package io.registryguard.risk;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the risk signals may know about one login attempt. Never holds the password: the caller passes its SHA-1
 * (upper-case hex, as Have I Been Pwned publishes it), which only the breached-password signal reads.
 *
 * @param username       null when the attempt carried none (or it could not be read)
 * @param userAgent      empty when absent
 * @param origin         the {@code Origin} header, null when absent; likewise the {@code Sec-Fetch-*} and
 *                       {@code Accept-Language} headers
 * @param passwordSha1   null when there was no password (a token)
 */
public record LoginAttempt(Instant time, String clientAddress, String subnetKey, String username, LoginChannel channel,
        String userAgent, String origin, String secFetchSite, String secFetchMode, String acceptLanguage,
        String passwordSha1) {

    private static final Pattern SHA1_HEX = Pattern.compile("[0-9A-F]{40}");

    public LoginAttempt {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(subnetKey, "subnetKey");
        Objects.requireNonNull(channel, "channel");
        userAgent = userAgent == null ? "" : userAgent;
        if (passwordSha1 != null) {
            passwordSha1 = passwordSha1.toUpperCase(Locale.ROOT);
            if (!SHA1_HEX.matcher(passwordSha1).matches()) {
                throw new IllegalArgumentException("passwordSha1 must be 40 hex digits");
            }
        }
    }

    /** A browser form login with no optional headers; add them with the {@code with…} methods. */
    public static LoginAttempt of(Instant time, String clientAddress, String subnetKey, String username) {
        return new LoginAttempt(time, clientAddress, subnetKey, username, LoginChannel.BROWSER, "", null, null, null,
                null, null);
    }

    public LoginAttempt withChannel(LoginChannel value) {
        return new LoginAttempt(time, clientAddress, subnetKey, username, value, userAgent, origin, secFetchSite,
                secFetchMode, acceptLanguage, passwordSha1);
    }

    public LoginAttempt withUserAgent(String value) {
        return new LoginAttempt(time, clientAddress, subnetKey, username, channel, value, origin, secFetchSite,
                secFetchMode, acceptLanguage, passwordSha1);
    }

    /** The headers a browser sends with a same-origin form POST. */
    public LoginAttempt withBrowserHeaders(String origin, String secFetchSite, String secFetchMode,
            String acceptLanguage) {
        return new LoginAttempt(time, clientAddress, subnetKey, username, channel, userAgent, origin, secFetchSite,
                secFetchMode, acceptLanguage, passwordSha1);
    }

    public LoginAttempt withPasswordSha1(String value) {
        return new LoginAttempt(time, clientAddress, subnetKey, username, channel, userAgent, origin, secFetchSite,
                secFetchMode, acceptLanguage, value);
    }

    /** The password hash stays out of logs. */
    @Override
    public String toString() {
        return "LoginAttempt[time=" + time + ", clientAddress=" + clientAddress + ", subnetKey=" + subnetKey
                + ", username=" + username + ", channel=" + channel + ", userAgent=" + userAgent + ", password="
                + (passwordSha1 == null ? "none" : "[sha1 redacted]") + "]";
    }
}
