package io.registryguard.session;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link PendingLogin} as the plaintext {@link RedisPendingLoginStore} seals, one JSON object, every field named:
 * <pre>
 * {"v": 1, "username": "alice", "registryCookies": ["session_id=…; Path=/; HttpOnly"], "next": "/manage/projects/",
 *  "clientIp": "203.0.113.9", "userAgent": "…", "createdAt": "2026-11-02T10:00:00.123456789Z",
 *  "emailVerified": false, "pendingTotpSecret": null, "emailRequired": true, "riskReasons": ["novel-address"]}
 * </pre>
 * Version 2 added the last two fields; a version-1 record (written by an older replica during a rolling upgrade)
 * reads as a login without risk.
 * The id is not in it: it is the Redis key, and the seal binds the two. Optional fields are JSON {@code null};
 * {@code createdAt} is ISO-8601 to the nanosecond, so a record reads back equal. Reading is strict (version, field
 * names, types): the errors name the field, never its value.
 */
final class PendingLoginJson {

    static final int VERSION = 2;

    private static final Set<String> FIELDS_V1 = Set.of("v", "username", "registryCookies", "next", "clientIp",
            "userAgent", "createdAt", "emailVerified", "pendingTotpSecret");
    private static final Set<String> FIELDS = Stream.concat(FIELDS_V1.stream(),
            Stream.of("emailRequired", "riskReasons")).collect(Collectors.toUnmodifiableSet());

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PendingLoginJson() {
    }

    static byte[] write(PendingLogin login) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("v", VERSION);
        json.put("username", login.username());
        ArrayNode cookies = json.putArray("registryCookies");
        login.registryCookies().forEach(cookies::add);
        json.put("next", login.next());
        json.put("clientIp", login.clientIp());
        json.put("userAgent", login.userAgent());
        json.put("createdAt", login.createdAt() == null ? null : login.createdAt().toString());
        json.put("emailVerified", login.emailVerified());
        json.put("pendingTotpSecret", login.pendingTotpSecret());
        json.put("emailRequired", login.emailRequired());
        ArrayNode reasons = json.putArray("riskReasons");
        login.riskReasons().forEach(reasons::add);
        return MAPPER.writeValueAsBytes(json);
    }

    /** @throws IllegalArgumentException when the bytes are not a version-1 or 2 record; the message names no value */
    static PendingLogin read(String id, byte[] bytes) {
        JsonNode json = tree(bytes);
        JsonNode version = json.get("v");
        if (version == null || !version.isInt() || version.intValue() < 1 || version.intValue() > VERSION) {
            throw problem("is not version 1 or " + VERSION);
        }
        boolean v1 = version.intValue() == 1;
        for (String name : json.propertyNames()) {
            if (!(v1 ? FIELDS_V1 : FIELDS).contains(name)) {
                throw problem("has an unknown field");
            }
        }
        JsonNode verified = json.get("emailVerified");
        if (verified == null || !verified.isBoolean()) {
            throw problem("needs a boolean \"emailVerified\"");
        }
        String username = optionalString(json, "username");
        if (username == null) {
            throw problem("needs a \"username\" string");
        }
        String createdAt = optionalString(json, "createdAt");
        boolean emailRequired = false;
        List<String> reasons = List.of();
        if (!v1) {
            JsonNode required = json.get("emailRequired");
            if (required == null || !required.isBoolean()) {
                throw problem("needs a boolean \"emailRequired\"");
            }
            emailRequired = required.booleanValue();
            reasons = strings(json, "riskReasons");
        }
        return new PendingLogin(id, username, strings(json, "registryCookies"), optionalString(json, "next"),
                optionalString(json, "clientIp"), optionalString(json, "userAgent"),
                createdAt == null ? null : instant(createdAt), verified.booleanValue(),
                optionalString(json, "pendingTotpSecret"), emailRequired, reasons);
    }

    private static JsonNode tree(byte[] bytes) {
        try {
            JsonNode json = MAPPER.readTree(bytes);
            if (json == null || !json.isObject()) {
                throw problem("is not a JSON object");
            }
            return json;
        } catch (JacksonException e) {
            throw problem("is not valid JSON"); // Jackson's message may quote the record's text
        }
    }

    private static List<String> strings(JsonNode json, String field) {
        JsonNode array = json.get(field);
        if (array == null || !array.isArray()) {
            throw problem("needs a \"" + field + "\" array");
        }
        List<String> values = new ArrayList<>(array.size());
        for (JsonNode value : array) {
            if (!value.isString()) {
                throw problem("has a \"" + field + "\" entry that is not a string");
            }
            values.add(value.stringValue());
        }
        return values;
    }

    /** The field's string; null when it is JSON null. Absent is malformed: every write names every field. */
    private static String optionalString(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || !(node.isNull() || node.isString())) {
            throw problem("needs \"" + field + "\" as a string or null");
        }
        return node.isNull() ? null : node.stringValue();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw problem("has a \"createdAt\" that is not an ISO-8601 instant");
        }
    }

    private static IllegalArgumentException problem(String message) {
        return new IllegalArgumentException("pending login record " + message);
    }
}
