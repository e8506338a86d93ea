package io.registryguard.read;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Asks to be read as another method than the one sent: the {@code X-HTTP-Method-Override} family of headers and a
 * {@code _method} parameter, which Rails, Express's method-override and others honour. The guard classifies by the
 * method sent, so a {@code GET} that a registry would run as a {@code POST} could pass a sensitive rule as public;
 * no package client needs them, and they are refused on every request.
 */
public final class MethodOverride {

    private static final List<String> HEADERS = List.of("X-HTTP-Method-Override", "X-HTTP-Method",
            "X-Method-Override");
    private static final String PARAMETER = "_method";

    private MethodOverride() {
    }

    /** Cheap on the public path: header lookups, and the query string is parsed only when it holds the word. */
    public static boolean requested(HttpHeaders headers, @Nullable String rawQuery) {
        for (String header : HEADERS) {
            if (headers.containsHeader(header)) {
                return true;
            }
        }
        if (rawQuery == null || !rawQuery.toLowerCase(Locale.ROOT).contains(PARAMETER)) {
            return false;
        }
        for (String pair : rawQuery.split("[&;]")) {
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).replace('+', ' ').strip();
            if (name.equalsIgnoreCase(PARAMETER)) {
                return true;
            }
        }
        return false;
    }

    /** A {@code _method} field among those read (the query string's and the body's). */
    static boolean requested(List<FormField> fields) {
        return fields.stream().anyMatch(field -> field.name().strip().equalsIgnoreCase(PARAMETER));
    }

    public static UnreadableRequestException refusal() {
        return new UnreadableRequestException("method-override",
                "A method override (X-HTTP-Method-Override or _method) is not accepted: send the method itself");
    }
}
