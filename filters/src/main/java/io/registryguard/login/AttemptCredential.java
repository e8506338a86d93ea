package io.registryguard.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import io.registryguard.body.FormValues;
import io.registryguard.policy.AccountNames;
import io.registryguard.policy.LoginRule;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who an attempt claims to be: the username of a login form or of HTTP Basic auth, canonical ({@link AccountNames}),
 * or none (an API token, or nothing readable). The password is never kept: it is read only when the
 * breached-password check asks for it, and then only its SHA-1 (what Have I Been Pwned's range API matches) is.
 *
 * @param username     the canonical username, or null
 * @param token        the attempt carries an API token rather than a password
 * @param passwordSha1 upper-case hex, or null (not asked for, or no password)
 */
record AttemptCredential(String username, boolean token, String passwordSha1) {

    static final AttemptCredential NONE = new AttemptCredential(null, false, null);

    /** @param passwordField the form field to hash, or null to leave the password unread */
    static AttemptCredential fromForm(LoginRule rule, ServerHttpRequest request, byte[] body, String passwordField) {
        String contentType = request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        return FormValues.first(contentType, body, rule.usernameField())
                .map(AttemptCredential::canonical)
                .filter(u -> !u.isEmpty())
                .map(u -> new AttemptCredential(u, false, passwordField == null ? null
                        : FormValues.first(contentType, body, passwordField).map(AttemptCredential::sha1).orElse(null)))
                .orElse(NONE);
    }

    static AttemptCredential fromForm(LoginRule rule, ServerHttpRequest request, byte[] body) {
        return fromForm(rule, request, body, null);
    }

    /** @param hashPassword whether to hash the password (for the breached-password check) */
    static AttemptCredential fromBasic(ServerHttpRequest request, boolean hashPassword) {
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            // twine may send "token pypi-..." or a Bearer token: an API token either way
            return header == null ? NONE : new AttemptCredential(null, true, null);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return NONE;
        }
        int colon = decoded.indexOf(':');
        String username = canonical(colon < 0 ? decoded : decoded.substring(0, colon));
        if (username.equals(LoginRule.TOKEN_USERNAME)) {
            return new AttemptCredential(null, true, null);
        }
        if (username.isEmpty() || username.length() > FormValues.MAX_VALUE_CHARS) {
            return NONE;
        }
        return new AttemptCredential(username, false,
                hashPassword && colon >= 0 ? sha1(decoded.substring(colon + 1)) : null);
    }

    static AttemptCredential fromBasic(ServerHttpRequest request) {
        return fromBasic(request, false);
    }

    /** SHA-1 as Have I Been Pwned publishes it: of the UTF-8 bytes, upper-case hex. */
    static String sha1(String password) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    /** The password hash stays out of logs. */
    @Override
    public String toString() {
        return "AttemptCredential[username=" + username + ", token=" + token + ", password="
                + (passwordSha1 == null ? "none" : "[sha1 redacted]") + "]";
    }

    /**
     * A first reading with the default {@link AccountNames}; a name it cannot read (control characters) stays as
     * typed, and the login guard, re-reading with the policy's {@code accounts}, refuses it with 400.
     */
    static String canonical(String username) {
        return AccountNames.DEFAULT.canonical(username).orElse(username.strip());
    }

    Optional<String> optionalUsername() {
        return Optional.ofNullable(username);
    }
}
