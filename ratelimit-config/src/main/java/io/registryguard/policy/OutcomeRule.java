package io.registryguard.policy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the registry's answer to a login attempt is judged. The rule describes one outcome ({@link #describes});
 * the answer has that outcome when every condition given holds, and the other outcome otherwise. Absent
 * conditions hold trivially; a list condition holds when any of its entries does.
 *
 * @param describes           which outcome the conditions describe
 * @param statuses            status codes (empty: any)
 * @param setCookies          cookie names, any of which the answer must set (empty: no condition)
 * @param locationNotMatching the answer's {@code Location} (its path) must not match this (null: no condition);
 *                            a missing Location satisfies it
 * @param bodyContains        texts, any of which the first {@code bodyPrefixBytes} of the answer must contain
 *                            (empty: no condition, and the body is not looked at)
 * @param bodyPrefixBytes     how much of the answer is read for {@code bodyContains}
 */
public record OutcomeRule(Outcome describes, Set<Integer> statuses, Set<String> setCookies,
        Pattern locationNotMatching, List<String> bodyContains, int bodyPrefixBytes) {

    public static final int DEFAULT_BODY_PREFIX = 16 * 1024;

    /** Warehouse answers a wrong password with 200 and the form again, a success with 303 and {@code session_id}. */
    public static final OutcomeRule LOGIN_DEFAULT = new OutcomeRule(Outcome.SUCCESS, Set.of(303), Set.of("session_id"),
            Pattern.compile("^/account/login/"), List.of(), DEFAULT_BODY_PREFIX);
    /** Warehouse refuses bad upload credentials with 403 (401 from some proxies). */
    public static final OutcomeRule UPLOAD_DEFAULT = new OutcomeRule(Outcome.FAILURE, Set.of(401, 403), Set.of(),
            null, List.of(), DEFAULT_BODY_PREFIX);

    public OutcomeRule {
        Objects.requireNonNull(describes, "describes");
        statuses = Set.copyOf(statuses);
        setCookies = Set.copyOf(setCookies);
        bodyContains = List.copyOf(bodyContains);
    }

    public enum Outcome {
        SUCCESS, FAILURE;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** True when the answer's body must be read to judge it. */
    public boolean needsBody() {
        return !bodyContains.isEmpty();
    }

    /**
     * @param status           the answer's status
     * @param location         the path of its {@code Location}, or null
     * @param cookieNames      the names of the cookies it sets
     * @param bodyPrefix       the start of its body (only when {@link #needsBody()}; else ignored)
     */
    public Outcome judge(int status, String location, Set<String> cookieNames, String bodyPrefix) {
        boolean holds = (statuses.isEmpty() || statuses.contains(status))
                && (setCookies.isEmpty() || setCookies.stream().anyMatch(cookieNames::contains))
                && (locationNotMatching == null || location == null || !locationNotMatching.matcher(location).find())
                && (bodyContains.isEmpty() || (bodyPrefix != null && bodyContains.stream().anyMatch(bodyPrefix::contains)));
        Outcome other = describes == Outcome.SUCCESS ? Outcome.FAILURE : Outcome.SUCCESS;
        return holds ? describes : other;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutcomeRule r && r.describes == describes && r.statuses.equals(statuses)
                && r.setCookies.equals(setCookies) && r.bodyContains.equals(bodyContains)
                && r.bodyPrefixBytes == bodyPrefixBytes
                && Objects.equals(pattern(r.locationNotMatching), pattern(locationNotMatching));
    }

    @Override
    public int hashCode() {
        return Objects.hash(describes, statuses, setCookies, bodyContains, bodyPrefixBytes, pattern(locationNotMatching));
    }

    private static String pattern(Pattern p) {
        return p == null ? null : p.pattern();
    }
}
