package io.registryguard.login;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;

import io.registryguard.policy.IdentityProbeRule;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the account out of the registry's answer to an identity probe: the first group of the rule's pattern at
 * its first match, or the text at its JSON pointer. Anything else (no match, not JSON, not a string, blank) is no
 * account: the login is then refused, never confirmed by a guess.
 */
public final class IdentityAnswers {

    /** The most of an answer that is read: a registry's account page, not a download. */
    public static final int MAX_BYTES = 256 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private IdentityAnswers() {
    }

    public static Optional<String> account(IdentityProbeRule rule, byte[] body) {
        int length = Math.min(body.length, MAX_BYTES);
        String text = new String(body, 0, length, StandardCharsets.UTF_8);
        if (rule.pattern() != null) {
            Matcher matcher = rule.pattern().matcher(text);
            return matcher.find() ? nonBlank(matcher.group(1)) : Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(text);
            JsonNode value = root == null ? null : root.at(JsonPointer.compile(rule.jsonPointer()));
            return value != null && value.isString() ? nonBlank(value.stringValue()) : Optional.empty();
        } catch (JacksonException | IllegalArgumentException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
