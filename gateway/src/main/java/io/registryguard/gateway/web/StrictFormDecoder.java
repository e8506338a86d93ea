package io.registryguard.gateway.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of a {@code /_guard} form one way only, or refuses it ({@link UnreadableForm}): exactly one
 * {@code Content-Type}, {@code application/x-www-form-urlencoded} or {@code application/json}, with no parameter but
 * {@code charset=utf-8}; no {@code Content-Encoding}; percent-escapes of two hex digits; UTF-8 that decodes without
 * a replacement; every field once; a JSON body one flat object of strings. Plain Java: the reactive side
 * ({@link GuardForms}) only collects the bytes.
 */
final class StrictFormDecoder {

    static final String URLENCODED = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictFormDecoder() {
    }

    /**
     * Checks the headers that say how to read the body; answers whether it is JSON.
     *
     * @param contentTypes      every {@code Content-Type} value the request carried
     * @param contentEncodings  every {@code Content-Encoding} value
     * @param transferEncodings every {@code Transfer-Encoding} value
     */
    static boolean checkHeaders(List<String> contentTypes, List<String> contentEncodings,
            List<String> transferEncodings) {
        if (!contentEncodings.isEmpty()) {
            throw new UnreadableForm("Content-Encoding is not accepted here; send the form as it is");
        }
        for (String coding : transferEncodings) {
            if (!coding.strip().equalsIgnoreCase("chunked")) {
                throw new UnreadableForm("only the chunked transfer coding is accepted");
            }
        }
        if (contentTypes.size() != 1) {
            throw new UnreadableForm("exactly one Content-Type (" + URLENCODED + " or " + JSON + ") is required");
        }
        return isJson(contentTypes.get(0));
    }

    private static boolean isJson(String contentType) {
        if (contentType.indexOf(',') >= 0) {
            throw new UnreadableForm("exactly one media type is accepted in Content-Type");
        }
        String[] parts = contentType.split(";", -1);
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(URLENCODED) && !mediaType.equals(JSON)) {
            throw new UnreadableForm("the Content-Type must be " + URLENCODED + " or " + JSON);
        }
        boolean charsetSeen = false;
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            String name = parameter[0].strip().toLowerCase(Locale.ROOT);
            String value = parameter.length == 2 ? unquote(parameter[1].strip()) : "";
            if (!name.equals("charset") || charsetSeen || !value.equalsIgnoreCase("utf-8")) {
                throw new UnreadableForm("the only Content-Type parameter accepted is charset=utf-8");
            }
            charsetSeen = true;
        }
        return mediaType.equals(JSON);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** {@code name=value&...}: WHATWG's serialization, read without its leniencies. */
    static Map<String, String> urlEncoded(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                if (i > start) {
                    int equals = indexOf(body, (byte) '=', start, i);
                    String name = decode(body, start, equals < 0 ? i : equals);
                    String value = equals < 0 ? "" : decode(body, equals + 1, i);
                    if (fields.putIfAbsent(name, value) != null) {
                        throw new UnreadableForm("a field appears more than once");
                    }
                }
                start = i + 1;
            }
        }
        return fields;
    }

    /** One JSON object whose members are all strings. */
    static Map<String, String> json(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(utf8(body, 0, body.length));
        } catch (JacksonException e) {
            throw new UnreadableForm("the body is not well-formed JSON with each member once");
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableForm("the body must be one JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (var member : root.properties()) {
            if (!member.getValue().isString()) {
                throw new UnreadableForm("every member of the JSON object must be a string");
            }
            fields.put(member.getKey(), member.getValue().stringValue());
        }
        return fields;
    }

    private static String decode(byte[] body, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                int high = i + 2 < to ? Character.digit(body[i + 1], 16) : -1;
                int low = i + 2 < to ? Character.digit(body[i + 2], 16) : -1;
                if (high < 0 || low < 0) {
                    throw new UnreadableForm("invalid percent-encoding");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        byte[] decoded = bytes.toByteArray();
        return utf8(decoded, 0, decoded.length);
    }

    private static String utf8(byte[] bytes, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableForm("the form is not valid UTF-8");
        }
    }

    private static int indexOf(byte[] body, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
