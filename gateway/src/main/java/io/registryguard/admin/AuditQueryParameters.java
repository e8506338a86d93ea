package io.registryguard.admin;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import io.registryguard.audit.AuditQuery;
import org.springframework.util.MultiValueMap;

/**
 * {@code account ip since until limit} of {@code GET /admin/audit} as an {@link AuditQuery}. Anything wrong is a
 * {@link BadParameter} naming the parameter: an unknown or repeated one too, because a misspelt filter would
 * otherwise quietly return everyone's events.
 */
final class AuditQueryParameters {

    private static final Set<String> KNOWN = Set.of("account", "ip", "since", "until", "limit");

    private AuditQueryParameters() {
    }

    static AuditQuery parse(MultiValueMap<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new BadParameter(name, "unknown parameter; expected account, ip, since, until or limit");
            }
        }
        String since = single(parameters, "since");
        String until = single(parameters, "until");
        String limit = single(parameters, "limit");
        AuditQuery query = AuditQuery.newest(limit == null ? AuditQuery.DEFAULT_LIMIT : limit(limit))
                .withAccount(single(parameters, "account"));
        try {
            query = query.withIp(single(parameters, "ip"));
        } catch (IllegalArgumentException e) {
            throw new BadParameter("ip", "expected an IPv4 or IPv6 address such as 203.0.113.9 or 2001:db8::1");
        }
        Instant from = instant("since", since);
        Instant to = instant("until", until);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadParameter("since", "must be before until");
        }
        return query.between(from, to);
    }

    private static String single(MultiValueMap<String, String> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new BadParameter(name, "given more than once");
        }
        String value = values.get(0);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= AuditQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameter("limit", "expected a whole number from 1 to " + AuditQuery.MAX_LIMIT);
    }

    private static Instant instant(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            // An unencoded "+01:00" arrives as " 01:00": a query string's + is a space.
            return Instant.parse(text.replace(' ', '+'));
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, "expected an ISO-8601 instant such as 2024-03-01T08:42:33Z");
        }
    }

    /** A parameter the API cannot use; the message names it and never echoes its value. */
    static final class BadParameter extends IllegalArgumentException {

        private final String parameter;

        BadParameter(String parameter, String problem) {
            super(parameter + ": " + problem);
            this.parameter = parameter;
        }

        String parameter() {
            return parameter;
        }
    }
}
