package io.registryguard.read;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code multipart/form-data} (RFC 7578) read strictly: the body starts with the first delimiter (no preamble),
 * lines end in CRLF, each part has exactly one {@code Content-Disposition: form-data; name="…"} and at most a
 * {@code Content-Type: text/plain} in UTF-8, no other headers, no file parts, and nothing after the close
 * delimiter but one CRLF. Parsers that take bare LF, folded headers or a {@code name} found anywhere in the
 * disposition disagree on such bodies; the guard refuses them and forwards what it read as a urlencoded form.
 */
final class MultipartForm {

    private static final String CRLF = "\r\n";

    private MultipartForm() {
    }

    static List<FormField> parse(byte[] body, String boundary) {
        // ISO-8859-1 maps bytes to chars one to one: offsets are byte offsets, values are re-read as UTF-8
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        if (!text.startsWith(delimiter + CRLF)) {
            throw refused("the body must start with the boundary line (no preamble, CRLF line ends)");
        }
        List<FormField> fields = new ArrayList<>();
        int at = delimiter.length() + CRLF.length();
        while (true) {
            int headersEnd = text.indexOf(CRLF + CRLF, at);
            if (headersEnd < 0) {
                throw refused("a part's headers do not end with an empty CRLF line");
            }
            String name = partName(text.substring(at, headersEnd));
            int contentStart = headersEnd + 4;
            int next = text.indexOf(CRLF + delimiter, contentStart);
            if (next < 0) {
                throw refused("a part is not closed by the boundary");
            }
            String value = UrlEncodedForm.utf8(text.substring(contentStart, next).getBytes(StandardCharsets.ISO_8859_1),
                    FormField.Source.BODY);
            UrlEncodedForm.checkCharacters(value, true, FormField.Source.BODY);
            fields.add(new FormField(name, value, FormField.Source.BODY));
            at = next + CRLF.length() + delimiter.length();
            if (text.startsWith(CRLF, at)) {
                at += CRLF.length();
                continue;
            }
            if (text.startsWith("--", at)) {
                String epilogue = text.substring(at + 2);
                if (!epilogue.isEmpty() && !epilogue.equals(CRLF)) {
                    throw refused("nothing may follow the closing boundary");
                }
                return fields;
            }
            throw refused("a boundary line must end in CRLF or '--'");
        }
    }

    private static String partName(String headerBlock) {
        String disposition = null;
        for (String line : headerBlock.split(CRLF, -1)) {
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw refused("a part header is not 'Name: value' on one line");
            }
            String header = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (header) {
                case "content-disposition" -> {
                    if (disposition != null) {
                        throw refused("a part has more than one Content-Disposition");
                    }
                    disposition = value;
                }
                case "content-type" -> checkPartType(value);
                default -> throw refused("part header '" + StrictContentType.printable(header)
                        + "' is not read here (only Content-Disposition and Content-Type)");
            }
        }
        if (disposition == null) {
            throw refused("a part has no Content-Disposition");
        }
        int semicolon = disposition.indexOf(';');
        if (semicolon < 0 || !disposition.substring(0, semicolon).strip().equalsIgnoreCase("form-data")) {
            throw refused("Content-Disposition must be form-data with a name");
        }
        Map<String, String> parameters = HeaderParameterGrammar.parameters(disposition.substring(semicolon + 1),
                "Content-Disposition");
        if (parameters.containsKey("filename") || parameters.containsKey("filename*")) {
            throw refused("file parts are not accepted on this route");
        }
        if (parameters.size() != 1 || !parameters.containsKey("name")) {
            throw refused("Content-Disposition must have exactly one parameter, name");
        }
        String name = UrlEncodedForm.utf8(parameters.get("name").getBytes(StandardCharsets.ISO_8859_1),
                FormField.Source.BODY);
        if (name.isEmpty()) {
            throw refused("a part with an empty name");
        }
        UrlEncodedForm.checkCharacters(name, false, FormField.Source.BODY);
        return name;
    }

    private static void checkPartType(String value) {
        int semicolon = value.indexOf(';');
        String type = (semicolon < 0 ? value : value.substring(0, semicolon)).strip();
        if (!type.equalsIgnoreCase("text/plain")) {
            throw refused("a part's Content-Type must be text/plain");
        }
        Map<String, String> parameters = semicolon < 0 ? Map.of()
                : HeaderParameterGrammar.parameters(value.substring(semicolon + 1), "Content-Type");
        String charset = parameters.get("charset");
        if (parameters.size() > (charset == null ? 0 : 1) || (charset != null && !charset.equalsIgnoreCase("utf-8"))) {
            throw refused("a part's Content-Type may only say charset=utf-8");
        }
    }

    private static UnreadableRequestException refused(String why) {
        return new UnreadableRequestException("multipart", "multipart/form-data body not read: " + why);
    }
}
