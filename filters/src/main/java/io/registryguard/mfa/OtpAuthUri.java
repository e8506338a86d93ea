package io.registryguard.mfa;

import java.nio.charset.StandardCharsets;

/**
 * The {@code otpauth://totp/} URI authenticator apps scan (Google Authenticator's "Key Uri Format"):
 * label {@code issuer:account}, then the secret and the parameters spelled out even where they are the
 * defaults, since some apps guess otherwise. Both label parts and the issuer parameter are
 * percent-encoded (RFC 3986 unreserved characters kept, a space as {@code %20}, never {@code +}).
 */
final class OtpAuthUri {

    private OtpAuthUri() {
    }

    static String of(String issuer, String account, TotpSecret secret) {
        return "otpauth://totp/" + encode(issuer) + ":" + encode(account)
                + "?secret=" + secret.base32()
                + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
