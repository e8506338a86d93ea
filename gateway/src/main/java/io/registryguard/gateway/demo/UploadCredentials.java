package io.registryguard.gateway.demo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * What an upload's {@code Authorization} header amounts to for Warehouse: an API token
 * ({@code Basic __token__:pypi-…}, or {@code token}/{@code Bearer pypi-…}), a username and password
 * (any other Basic username, refused since 2024), or nothing usable.
 */
enum UploadCredentials {
    API_TOKEN,
    PASSWORD,
    NONE;

    private static final String TOKEN_USERNAME = "__token__";
    private static final String TOKEN_PREFIX = "pypi-";

    static UploadCredentials of(String authorization) {
        if (authorization == null) {
            return NONE;
        }
        String[] schemeAndValue = authorization.trim().split("\\s+", 2);
        if (schemeAndValue.length < 2) {
            return NONE;
        }
        String value = schemeAndValue[1].trim();
        return switch (schemeAndValue[0].toLowerCase(Locale.ROOT)) {
            case "basic" -> ofBasic(value);
            case "token", "bearer" -> value.startsWith(TOKEN_PREFIX) ? API_TOKEN : NONE;
            default -> NONE;
        };
    }

    private static UploadCredentials ofBasic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return NONE;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return NONE;
        }
        if (!decoded.substring(0, colon).equals(TOKEN_USERNAME)) {
            return PASSWORD;
        }
        return decoded.substring(colon + 1).startsWith(TOKEN_PREFIX) ? API_TOKEN : NONE;
    }
}
