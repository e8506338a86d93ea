package io.registryguard.mfa;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the key ring document. Errors name the entry and field, never a key: neither Jackson's message
 * (which quotes the offending token) nor the base64 decoder's (which quotes the offending character) is
 * passed on, not even as a cause.
 */
final class FactorKeyRingJson {

    private static final String PREFIX = "factor key ring: ";
    private static final Set<String> ROOT_FIELDS = Set.of("keys");
    private static final Set<String> KEY_FIELDS = Set.of("kid", "key", "primary");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private FactorKeyRingJson() {
    }

    static FactorKeyRing parse(String json) {
        JsonNode root = readTree(json);
        if (root == null || !root.isObject()) {
            throw problem("expected a JSON object like {\"keys\": [{\"kid\": \"…\", \"key\": \"…\"}]}");
        }
        rejectUnknown(root, ROOT_FIELDS, "the document");
        JsonNode entries = root.get("keys");
        if (entries == null || !entries.isArray()) {
            throw problem("\"keys\" must be an array of {\"kid\", \"key\"} objects");
        }
        if (entries.isEmpty()) {
            throw problem("\"keys\" is empty; the ring needs at least one key");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        Map<String, Integer> positions = new LinkedHashMap<>();
        String primary = null;
        int primaryAt = -1;
        for (int i = 0; i < entries.size(); i++) {
            String where = "keys[" + i + "]";
            JsonNode entry = entries.get(i);
            if (!entry.isObject()) {
                throw problem(where + " must be an object with \"kid\" and \"key\"");
            }
            rejectUnknown(entry, KEY_FIELDS, where);
            String kid = kid(entry, where);
            Integer earlier = positions.putIfAbsent(kid, i);
            if (earlier != null) {
                throw problem("kid \"" + kid + "\" appears twice (keys[" + earlier + "] and " + where + ")");
            }
            keys.put(kid, key(entry, where + " (kid \"" + kid + "\")"));
            if (isPrimary(entry, where)) {
                if (primary != null) {
                    throw problem("more than one key is marked primary (keys[" + primaryAt + "] and " + where + ")");
                }
                primary = kid;
                primaryAt = i;
            }
        }
        return new FactorKeyRing(primary != null ? primary : keys.keySet().iterator().next(), keys);
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String position = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw problem("not valid JSON" + position);
        }
    }

    private static String kid(JsonNode entry, String where) {
        JsonNode kid = entry.get("kid");
        if (kid == null || !kid.isString()) {
            throw problem(where + " needs a \"kid\" string");
        }
        if (!SealedSecret.KID.matcher(kid.stringValue()).matches()) {
            throw problem(where + ".kid must be 1 to 64 characters of A-Z a-z 0-9 _ -");
        }
        return kid.stringValue();
    }

    private static byte[] key(JsonNode entry, String where) {
        JsonNode key = entry.get("key");
        if (key == null || !key.isString()) {
            throw problem(where + " needs a \"key\" string: standard base64 of " + FactorKeyRing.KEY_BYTES + " random bytes");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.stringValue());
        } catch (IllegalArgumentException e) {
            throw problem(where + ".key is not standard base64");
        }
        if (bytes.length != FactorKeyRing.KEY_BYTES) {
            throw problem(where + ".key decodes to " + bytes.length + " bytes; AES-256 needs " + FactorKeyRing.KEY_BYTES);
        }
        return bytes;
    }

    private static boolean isPrimary(JsonNode entry, String where) {
        JsonNode primary = entry.get("primary");
        if (primary == null) {
            return false;
        }
        if (!primary.isBoolean()) {
            throw problem(where + ".primary must be true or false");
        }
        return primary.booleanValue();
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String where) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                // A misspelt "primary" would otherwise quietly pick another key.
                throw problem(where + " has an unknown field \"" + printable(name) + "\"; expected " + known.stream().sorted().toList());
            }
        }
    }

    /** A field name is quoted only when it cannot be a pasted key. */
    private static String printable(String name) {
        return name.matches("[A-Za-z_]{1,16}") ? name : "…";
    }

    private static IllegalArgumentException problem(String message) {
        return new IllegalArgumentException(PREFIX + message);
    }
}
