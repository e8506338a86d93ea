package io.registryguard.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects what is wrong with one policy file, so that all of it is reported at once. */
final class Problems {

    private final String source;
    private final List<PolicyException.Problem> found = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    void add(int line, String key, String message) {
        found.add(new PolicyException.Problem(source, line, key, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws every problem found so far, in line order, if there is any. */
    void throwIfAny() {
        if (!found.isEmpty()) {
            List<PolicyException.Problem> sorted = new ArrayList<>(found);
            sorted.sort(Comparator.comparingInt(PolicyException.Problem::line));
            throw new PolicyException(sorted);
        }
    }
}
