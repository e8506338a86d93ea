package io.registryguard.gateway.web;

import java.util.Map;

/**
 * The fields of a {@code /_guard} form, read strictly: every name once, every value decoded text.
 *
 * @param fields by name
 * @param json   whether it came as a JSON object ({@code application/json}) rather than a urlencoded form
 */
public record GuardForm(Map<String, String> fields, boolean json) {

    public GuardForm {
        fields = Map.copyOf(fields);
    }

    /** The field's value without surrounding white space, or {@code ""} when absent. */
    public String value(String name) {
        String value = fields.get(name);
        return value == null ? "" : value.strip();
    }
}
