package io.registryguard.read;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An {@code application/json} body read as a form: one object whose members are all strings, each member once
 * (parsers disagree on which of two repeated members wins), nothing after it, UTF-8.
 */
final class JsonForm {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonForm() {
    }

    static List<FormField> parse(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(UrlEncodedForm.utf8(body, FormField.Source.BODY));
        } catch (JacksonException e) {
            throw new UnreadableRequestException("json", "the body is not well-formed JSON with each member once");
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableRequestException("json", "the body must be one JSON object");
        }
        List<FormField> fields = new ArrayList<>();
        for (var member : root.properties()) {
            if (!member.getValue().isString()) {
                throw new UnreadableRequestException("json", "every member of the JSON object must be a string");
            }
            UrlEncodedForm.checkCharacters(member.getKey(), false, FormField.Source.BODY);
            UrlEncodedForm.checkCharacters(member.getValue().stringValue(), true, FormField.Source.BODY);
            fields.add(new FormField(member.getKey(), member.getValue().stringValue(), FormField.Source.BODY));
        }
        return fields;
    }
}
