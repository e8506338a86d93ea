package io.registryguard.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import io.registryguard.policy.AccountNames;
import io.registryguard.policy.LoginRule;
import io.registryguard.read.ReadRequest;
import org.jspecify.annotations.Nullable;

/**
 * Who an attempt claims to be: the username of a login form or of HTTP Basic auth as typed (the login guard
 * reads it into the canonical account key with the policy's {@link AccountNames}), or none (an API token, or
 * nothing readable). The password is never kept: it is read only when the
 * breached-password check asks for it, and then only its SHA-1 (what Have I Been Pwned's range API matches) is.
 *
 * @param username     the username as typed, or null
 * @param token        the attempt carries an API token rather than a password
 * @param passwordSha1 upper-case hex, or null (not asked for, or no password)
 */
record AttemptCredential(@Nullable String username, boolean token, @Nullable String passwordSha1) {

    /** Usernames are short; a longer "username" is not one. */
    static final int MAX_USERNAME_CHARS = 256;

    static final AttemptCredential NONE = new AttemptCredential(null, false, null);
    static final AttemptCredential TOKEN = new AttemptCredential(null, true, null);

    /**
     * @param read          the guard's one reading of the request (null when it was not read: no fields)
     * @param passwordField the form field to hash, or null to leave the password unread
     */
    static AttemptCredential fromForm(LoginRule rule, @Nullable ReadRequest read, @Nullable String passwordField) {
        if (read == null) {
            return NONE;
        }
        return read.value(rule.usernameField())
                .filter(u -> u.length() <= MAX_USERNAME_CHARS && !u.isBlank())
                .map(u -> new AttemptCredential(u, false, passwordField == null ? null
                        : read.value(passwordField).map(AttemptCredential::sha1).orElse(null)))
                .orElse(NONE);
    }

    /**
     * @param basic        the request's HTTP Basic credentials, read strictly ({@link BasicCredentials})
     * @param hashPassword whether to hash the password (for the breached-password check)
     */
    static AttemptCredential fromBasic(BasicCredentials basic, boolean hashPassword) {
        // Warehouse compares the raw username with "__token__": "__TOKEN__" is a username like any other
        if (basic.username().equals(LoginRule.TOKEN_USERNAME)) {
            return TOKEN;
        }
        String username = basic.username();
        if (username.isBlank() || username.length() > MAX_USERNAME_CHARS) {
            return NONE;
        }
        return new AttemptCredential(username, false, hashPassword ? sha1(basic.password()) : null);
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

    Optional<String> optionalUsername() {
        return Optional.ofNullable(username);
    }
}
