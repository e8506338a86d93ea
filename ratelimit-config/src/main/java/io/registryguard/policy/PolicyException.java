package io.registryguard.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy that cannot be used: every problem found, each naming the file, line and key. The whole file is
 * checked before this is thrown, so an operator fixes all mistakes in one round.
 */
public final class PolicyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    PolicyException(List<Problem> problems) {
        super();
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a PolicyException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    static PolicyException of(String source, String message) {
        return new PolicyException(List.of(new Problem(source, 0, null, message)));
    }

    /** The problems in file order. */
    public List<Problem> problems() {
        return problems;
    }

    /** One problem a line, like {@code policy.yaml:14: routes.login.metod: unknown key; expected one of: ...}. */
    @Override
    public String getMessage() {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    /**
     * @param source  the file (or {@code classpath:...}) the problem is in
     * @param line    1-based line, or 0 when the problem is not at a line (an unreadable file)
     * @param key     dotted key path like {@code routes.login.path}, or null when the problem is not at a key
     * @param message what is wrong and what was expected
     */
    public record Problem(String source, int line, String key, String message) {

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(source);
            if (line > 0) {
                sb.append(':').append(line);
            }
            sb.append(": ");
            if (key != null && !key.isEmpty()) {
                sb.append(key).append(": ");
            }
            return sb.append(message).toString();
        }
    }
}
