package io.registryguard.stepup;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * As much of a request as a token extractor needs, without a web framework's types.
 *
 * @param headerValues every value of a header, by case-insensitive name; empty when absent
 * @param cookieValues every value of a cookie, by exact name; empty when absent
 */
public record StepUpRequestView(Function<String, List<String>> headerValues,
        Function<String, List<String>> cookieValues) {

    /** A view over plain maps, header names matched case-insensitively. */
    public static StepUpRequestView of(Map<String, List<String>> headers, Map<String, List<String>> cookies) {
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        Map<String, List<String>> cookieCopy = Map.copyOf(cookies);
        return new StepUpRequestView(name -> byName.getOrDefault(name, List.of()),
                name -> cookieCopy.getOrDefault(name, List.of()));
    }

    List<String> header(String name) {
        List<String> values = headerValues.apply(name);
        return values == null ? List.of() : values;
    }

    List<String> cookie(String name) {
        List<String> values = cookieValues.apply(name);
        return values == null ? List.of() : values;
    }

    /** Never the values: one of them may be a token. */
    @Override
    public String toString() {
        return "StepUpRequestView";
    }
}
