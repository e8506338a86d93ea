package io.registryguard.stepup;

import java.util.List;
import java.util.Optional;

/** What the extractors share: one value, trimmed, or none. */
final class StepUpTokenExtractors {

    private StepUpTokenExtractors() {
    }

    /** The value when every non-blank value is the same one; an ambiguous request carries no token. */
    static Optional<String> single(List<String> values) {
        String found = null;
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String trimmed = value.trim();
            if (found != null && !found.equals(trimmed)) {
                return Optional.empty();
            }
            found = trimmed;
        }
        return Optional.ofNullable(found);
    }
}
