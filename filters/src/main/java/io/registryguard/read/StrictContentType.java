package io.registryguard.read;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The {@code Content-Type} of a body the guard reads, parsed by RFC 9110's grammar and nothing looser: exactly
 * one header, one media type (a comma means a list, which some servers read as its last entry), known
 * parameters only, each at most once, and a charset that is absent or UTF-8. A header that a lenient server could
 * read as a form while the guard reads something else is exactly what this refuses.
 *
 * @param form     the form flavour
 * @param boundary the multipart boundary; null for urlencoded
 */
record StrictContentType(Form form, @Nullable String boundary) {

    static final StrictContentType URLENCODED = new StrictContentType(Form.URLENCODED, null);

    enum Form { URLENCODED, MULTIPART, JSON }

    private static final String BOUNDARY_SPECIALS = "'()+_,-./:=? ";

    /**
     * @param headers every {@code Content-Type} header of the request
     * @throws UnreadableRequestException for anything but one well-formed form media type in UTF-8
     */
    static StrictContentType of(List<String> headers) {
        if (headers.isEmpty()) {
            throw new UnreadableRequestException("content-type",
                    "A body without Content-Type: send application/x-www-form-urlencoded or multipart/form-data");
        }
        if (headers.size() > 1) {
            throw new UnreadableRequestException("content-type", "More than one Content-Type header");
        }
        String header = headers.get(0);
        int semicolon = header.indexOf(';');
        String mediaType = (semicolon < 0 ? header : header.substring(0, semicolon)).strip();
        Map<String, String> parameters = semicolon < 0 ? Map.of()
                : HeaderParameterGrammar.parameters(header.substring(semicolon + 1), "Content-Type");
        Form form = switch (mediaType.toLowerCase(Locale.ROOT)) {
            case "application/x-www-form-urlencoded" -> Form.URLENCODED;
            case "multipart/form-data" -> Form.MULTIPART;
            case "application/json" -> Form.JSON;
            default -> throw new UnreadableRequestException("content-type", "Content-Type '" + printable(mediaType)
                    + "' is not read here: send application/x-www-form-urlencoded or multipart/form-data");
        };
        String charset = parameters.get("charset");
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw new UnreadableRequestException("charset",
                    "charset '" + printable(charset) + "' is not read here: send the form in UTF-8");
        }
        String boundary = parameters.get("boundary");
        for (String name : parameters.keySet()) {
            if (!name.equals("charset") && !(name.equals("boundary") && form == Form.MULTIPART)) {
                throw new UnreadableRequestException("content-type",
                        "Content-Type parameter '" + printable(name) + "' is not read here");
            }
        }
        if (form != Form.MULTIPART) {
            return form == Form.URLENCODED ? URLENCODED : new StrictContentType(Form.JSON, null);
        }
        if (boundary == null || !validBoundary(boundary)) {
            throw new UnreadableRequestException("multipart",
                    "multipart/form-data needs a boundary of 1 to 70 characters (RFC 2046)");
        }
        return new StrictContentType(Form.MULTIPART, boundary);
    }

    /** The form's media type as forwarded: the guard re-serializes every form it read as urlencoded UTF-8. */
    static String canonical() {
        return "application/x-www-form-urlencoded; charset=UTF-8";
    }

    private static boolean validBoundary(String boundary) {
        if (boundary.isEmpty() || boundary.length() > 70 || boundary.endsWith(" ")) {
            return false;
        }
        for (int i = 0; i < boundary.length(); i++) {
            char c = boundary.charAt(i);
            if (!(c < 0x80 && Character.isLetterOrDigit(c)) && BOUNDARY_SPECIALS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Header text quoted back to the client: printable ASCII only, bounded. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 60; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
