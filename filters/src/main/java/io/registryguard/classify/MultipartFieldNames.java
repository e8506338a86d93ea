package io.registryguard.classify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The field names of a {@code multipart/form-data} body: the {@code name} of each part's
 * {@code Content-Disposition}, read the way Python's {@code cgi.FieldStorage} reads them (lines ending in
 * CRLF or bare LF, header continuation lines, a preamble before the first delimiter, names not
 * percent-decoded). Part contents are skipped, never interpreted.
 */
final class MultipartFieldNames {

    private MultipartFieldNames() {
    }

    static Set<String> of(byte[] body, String boundary) {
        // ISO-8859-1 maps bytes to chars one to one, so delimiters are found whatever the parts contain
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        String closeDelimiter = delimiter + "--";
        Set<String> names = new LinkedHashSet<>();
        List<String> headerLines = new ArrayList<>();
        State state = State.PREAMBLE;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.stripTrailing();
            switch (state) {
                case PREAMBLE -> {
                    if (trimmed.strip().equals(delimiter)) {
                        state = State.HEADERS;
                    }
                }
                case HEADERS -> {
                    if (trimmed.equals(delimiter)) {
                        headerLines.clear();
                    } else if (trimmed.isEmpty()) {
                        addNames(headerLines, names);
                        headerLines.clear();
                        state = State.CONTENT;
                    } else if (Character.isWhitespace(line.charAt(0)) && !headerLines.isEmpty()) {
                        int last = headerLines.size() - 1;
                        headerLines.set(last, headerLines.get(last) + " " + trimmed.strip());
                    } else {
                        headerLines.add(trimmed);
                    }
                }
                case CONTENT -> {
                    if (line.startsWith("--") && trimmed.equals(delimiter)) {
                        state = State.HEADERS;
                    } else if (line.startsWith("--") && trimmed.equals(closeDelimiter)) {
                        return names;
                    }
                }
            }
        }
        addNames(headerLines, names);
        return names;
    }

    private static void addNames(List<String> headerLines, Set<String> names) {
        for (String header : headerLines) {
            int colon = header.indexOf(':');
            if (colon < 0 || !header.substring(0, colon).strip().equalsIgnoreCase("content-disposition")) {
                continue;
            }
            HeaderParameters disposition = HeaderParameters.parse(header.substring(colon + 1));
            for (String name : disposition.all("name")) {
                names.add(utf8(name));
            }
            // RFC 7578 forbids name*, but a later parser might honour it: count it too
            for (String extended : disposition.all("name*")) {
                int secondQuote = extended.indexOf('\'', extended.indexOf('\'') + 1);
                names.add(PercentDecoding.decodeLenient(utf8(extended.substring(secondQuote + 1))));
            }
        }
    }

    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private enum State { PREAMBLE, HEADERS, CONTENT }
}
