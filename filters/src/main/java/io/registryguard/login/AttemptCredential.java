package io.registryguard.login;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import io.registryguard.body.FormValues;
import io.registryguard.policy.LoginRule;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who an attempt claims to be: the username of a login form or of HTTP Basic auth, lower-cased and trimmed,
 * or none (an API token, or nothing readable). The password is never kept: it is not read at all here.
 *
 * @param username the canonical username, or null
 * @param token    the attempt carries an API token rather than a password
 */
record AttemptCredential(String username, boolean token) {

    static final AttemptCredential NONE = new AttemptCredential(null, false);

    static AttemptCredential fromForm(LoginRule rule, ServerHttpRequest request, byte[] body) {
        return FormValues.first(request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE), body, rule.usernameField())
                .map(AttemptCredential::canonical)
                .filter(u -> !u.isEmpty())
                .map(u -> new AttemptCredential(u, false))
                .orElse(NONE);
    }

    static AttemptCredential fromBasic(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            // twine may send "token pypi-..." or a Bearer token: an API token either way
            return header == null ? NONE : new AttemptCredential(null, true);
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
            return new AttemptCredential(null, true);
        }
        return username.isEmpty() || username.length() > FormValues.MAX_VALUE_CHARS ? NONE
                : new AttemptCredential(username, false);
    }

    static String canonical(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    Optional<String> optionalUsername() {
        return Optional.ofNullable(username);
    }
}
