package io.registryguard.read;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters after a header's main value ({@code ; name=value; name="quoted"}), by RFC 9110's grammar:
 * token names compared ignoring case, token or quoted-string values, each name at most once. Anything else is
 * refused rather than guessed at, since servers disagree about the rest.
 */
final class HeaderParameterGrammar {

    private static final String TCHARS = "!#$%&'*+-.^_`|~";

    private HeaderParameterGrammar() {
    }

    static Map<String, String> parameters(String text, String header) {
        Map<String, String> parameters = new HashMap<>();
        int i = 0;
        int n = text.length();
        while (true) {
            i = skipSpace(text, i);
            int nameStart = i;
            while (i < n && isTchar(text.charAt(i))) {
                i++;
            }
            if (i == nameStart || i >= n || text.charAt(i) != '=') {
                throw malformed(header);
            }
            String name = text.substring(nameStart, i).toLowerCase(Locale.ROOT);
            i++;
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (i < n && text.charAt(i) != '"') {
                    char c = text.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        c = text.charAt(++i);
                    }
                    if (c < 0x20 || c == 0x7f) {
                        throw malformed(header);
                    }
                    value.append(c);
                    i++;
                }
                if (i >= n) {
                    throw malformed(header);
                }
                i++;
            } else {
                int valueStart = i;
                while (i < n && isTchar(text.charAt(i))) {
                    i++;
                }
                if (i == valueStart) {
                    throw malformed(header);
                }
                value.append(text, valueStart, i);
            }
            if (parameters.put(name, value.toString()) != null) {
                throw new UnreadableRequestException("content-type",
                        header + " parameter '" + StrictContentType.printable(name) + "' given more than once");
            }
            i = skipSpace(text, i);
            if (i >= n) {
                return parameters;
            }
            if (text.charAt(i) != ';') {
                throw malformed(header);
            }
            i++;
        }
    }

    private static UnreadableRequestException malformed(String header) {
        return new UnreadableRequestException("content-type",
                header + " is not one value with well-formed parameters (RFC 9110 section 5.6.6)");
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    static boolean isTchar(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || TCHARS.indexOf(c) >= 0);
    }
}
