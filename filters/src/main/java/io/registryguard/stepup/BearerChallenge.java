package io.registryguard.stepup;

/**
 * Writes a {@code WWW-Authenticate: Bearer} challenge (RFC 6750 §3) with auth-params in the order given.
 * Quoted values are escaped as RFC 9110 §5.6.4 quoted-strings; anything that is not printable ASCII is
 * refused rather than smuggled into a header.
 */
final class BearerChallenge {

    private final StringBuilder value = new StringBuilder("Bearer");
    private boolean hasParams;

    private BearerChallenge() {
    }

    static BearerChallenge bearer() {
        return new BearerChallenge();
    }

    /** {@code name="value"}, with {@code "} and {@code \} escaped. */
    BearerChallenge quoted(String name, String paramValue) {
        StringBuilder quoted = new StringBuilder(paramValue.length() + 2).append('"');
        for (int i = 0; i < paramValue.length(); i++) {
            char c = paramValue.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            } else if ((c < 0x20 && c != '\t') || c > 0x7e) {
                throw new IllegalArgumentException("auth-param " + name + " has a character a header cannot carry");
            }
            quoted.append(c);
        }
        return param(name, quoted.append('"').toString());
    }

    /** {@code name=123}: a bare integer, as RFC 9470's {@code max_age}. */
    BearerChallenge integer(String name, long paramValue) {
        return param(name, Long.toString(paramValue));
    }

    String build() {
        return value.toString();
    }

    private BearerChallenge param(String name, String rendered) {
        checkToken(name);
        value.append(hasParams ? ", " : " ").append(name).append('=').append(rendered);
        hasParams = true;
        return this;
    }

    private static void checkToken(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("auth-param name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean tchar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!tchar) {
                throw new IllegalArgumentException("auth-param name '" + name + "' is not an RFC 9110 token");
            }
        }
    }
}
