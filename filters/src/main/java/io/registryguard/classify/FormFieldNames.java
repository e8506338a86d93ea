package io.registryguard.classify;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The parameter names the registry sees in {@code request.params}: those of the query string and of a form
 * body. Names are decoded as Python's {@code parse_qsl} decodes them ({@code +} is a space, then lenient
 * percent-decoding, a name without {@code =} still counts); values are never looked at.
 */
final class FormFieldNames {

    private FormFieldNames() {
    }

    /** @param rawQuery the query string as received (without {@code ?}), or null */
    static Set<String> fromQuery(@Nullable String rawQuery) {
        return rawQuery == null ? Set.of() : urlEncoded(rawQuery);
    }

    static Set<String> fromBody(FormContentType type, byte[] body) {
        if (type.multipart()) {
            return MultipartFieldNames.of(body, type.boundary());
        }
        return urlEncoded(new String(body, StandardCharsets.UTF_8));
    }

    private static Set<String> urlEncoded(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (String pair : text.split("&")) {
            addName(pair, names);
            // Python before 3.9.2 also split on ';': count the names of both readings
            if (pair.indexOf(';') >= 0) {
                for (String part : pair.split(";")) {
                    addName(part, names);
                }
            }
        }
        return names;
    }

    private static void addName(String pair, Set<String> names) {
        if (pair.isEmpty()) {
            return;
        }
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        names.add(PercentDecoding.decodeLenient(name.replace('+', ' ')));
    }
}
