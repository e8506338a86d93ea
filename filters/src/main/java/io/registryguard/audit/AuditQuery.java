package io.registryguard.audit;

import java.time.Instant;

import io.registryguard.policy.AccountNames;

import org.jspecify.annotations.Nullable;

/**
 * Which events to read back: all of these that are given must match. Results come newest first.
 *
 * @param account the account, compared in canonical form ({@link AccountNames}: case, width and Unicode variants
 *                ignored); null for any
 * @param ip      the client address, an IP literal in any form ({@code ::1} finds {@code 0:0:0:0:0:0:0:1}); null
 *                for any
 * @param since   events at or after this instant; null for no lower bound
 * @param until   events strictly before this instant; null for no upper bound
 * @param limit   at most this many events, 1 to {@value #MAX_LIMIT}
 */
public record AuditQuery(@Nullable String account, @Nullable String ip, @Nullable Instant since,
        @Nullable Instant until, int limit) {

    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 100;

    public AuditQuery {
        account = account == null || account.isBlank() ? null : account.strip();
        if (ip != null && !ip.isBlank()) {
            ip = AuditValues.canonicalIp(ip).orElseThrow(() -> new IllegalArgumentException(
                    "ip: expected an IPv4 or IPv6 address"));
        } else {
            ip = null;
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("since: must be before until");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_LIMIT);
        }
    }

    /** The newest {@code limit} events, whoever and whenever. */
    public static AuditQuery newest(int limit) {
        return new AuditQuery(null, null, null, null, limit);
    }

    public AuditQuery withAccount(String account) {
        return new AuditQuery(account, ip, since, until, limit);
    }

    public AuditQuery withIp(String ip) {
        return new AuditQuery(account, ip, since, until, limit);
    }

    /** Events in {@code [since, until)}; either may be null. */
    public AuditQuery between(Instant since, Instant until) {
        return new AuditQuery(account, ip, since, until, limit);
    }

    /** True when account or ip narrow the query, so a store may have to read past non-matching events. */
    boolean filtersSubjects() {
        return account != null || ip != null;
    }

    boolean matches(AuditEvent event) {
        return (account == null || event.account() != null
                        && AccountNames.DEFAULT.key(event.account()).equals(AccountNames.DEFAULT.key(account)))
                && (ip == null || ip.equals(event.ip()))
                && (since == null || !event.time().isBefore(since))
                && (until == null || event.time().isBefore(until));
    }
}
