package io.registryguard.body;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The first value of one field of a form body ({@code application/x-www-form-urlencoded} or
 * {@code multipart/form-data}), for reading a username. Other content types have no fields.
 */
public final class FormValues {

    /** Usernames are short; a longer "value" is not one. */
    public static final int MAX_VALUE_CHARS = 256;

    private FormValues() {
    }

    public static Optional<String> first(String contentType, byte[] body, String field) {
        MediaType type;
        try {
            // WebOb reads a POST without Content-Type as a urlencoded form
            type = contentType == null ? MediaType.APPLICATION_FORM_URLENCODED : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return Optional.empty();
        }
        String subtype = type.getType().toLowerCase(Locale.ROOT) + "/" + type.getSubtype().toLowerCase(Locale.ROOT);
        Optional<String> value = switch (subtype) {
            case "application/x-www-form-urlencoded" -> urlEncoded(new String(body, StandardCharsets.UTF_8), field);
            case "multipart/form-data" -> Optional.ofNullable(type.getParameter("boundary"))
                    .flatMap(boundary -> multipart(body, unquote(boundary), field));
            default -> Optional.empty();
        };
        return value.filter(v -> v.length() <= MAX_VALUE_CHARS);
    }

    private static Optional<String> urlEncoded(String text, String field) {
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (name != null && name.equals(field)) {
                return Optional.ofNullable(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return Optional.empty();
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static Optional<String> multipart(byte[] body, String boundary, String field) {
        // ISO-8859-1 maps bytes to chars one to one; the value is re-read as UTF-8 below
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        int at = text.indexOf(delimiter);
        while (at >= 0) {
            int headersStart = text.indexOf('\n', at);
            if (headersStart < 0) {
                return Optional.empty();
            }
            int blank = text.indexOf("\r\n\r\n", headersStart);
            int blankLf = text.indexOf("\n\n", headersStart);
            int contentStart;
            if (blank >= 0 && (blankLf < 0 || blank < blankLf)) {
                contentStart = blank + 4;
            } else if (blankLf >= 0) {
                contentStart = blankLf + 2;
            } else {
                return Optional.empty();
            }
            String headers = text.substring(headersStart + 1, contentStart);
            int next = text.indexOf(delimiter, contentStart);
            if (next < 0) {
                return Optional.empty();
            }
            if (namesField(headers, field)) {
                String raw = text.substring(contentStart, next).replaceFirst("\r?\n$", "");
                return Optional.of(new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            }
            at = next;
        }
        return Optional.empty();
    }

    private static boolean namesField(String headers, String field) {
        for (String line : headers.split("\r?\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-disposition:")
                    && (line.contains("name=\"" + field + "\"") || line.matches("(?i).*;\\s*name=" + java.util.regex.Pattern.quote(field) + "\\s*(;.*)?"))) {
                return true;
            }
        }
        return false;
    }

    private static String unquote(String value) {
        return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
