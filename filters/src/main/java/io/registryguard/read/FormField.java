package io.registryguard.read;

import java.util.Objects;

/**
 * One field as the guard read it.
 *
 * @param name   the decoded name
 * @param value  the decoded value
 * @param source where it came from: the query string or the body
 */
public record FormField(String name, String value, Source source) {

    public FormField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }

    /** Values can be passwords: never printed. */
    @Override
    public String toString() {
        return "FormField[" + name + " from " + source + "]";
    }

    public enum Source { QUERY, BODY }
}
