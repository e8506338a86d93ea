package io.registryguard.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.registryguard.policy.RouteClass;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened, kept in the audit trail after the registry has deleted the account it concerns (Nov
 * 2023: deleting the victim's account erased when the attacker first got in). It carries no password, token or
 * code, and its values are made safe to keep on construction (see each component).
 *
 * @param time       when it happened
 * @param type       what happened, dotted lower-case words ({@link AuditEventTypes}); refused otherwise
 * @param account    the account concerned (the subject), or null when none is known; clipped to 256 characters
 * @param ip         the client's address (IP literals in one canonical form), or null; clipped to 64 characters
 * @param userAgent  the client's {@code User-Agent}, or null; clipped to 512 characters
 * @param routeClass the class the request fell into, or null for events not tied to a classified request
 * @param path       the request path, or null; never the query string (dropped from the first {@code ?}), clipped
 *                   to 1024 characters
 * @param decision   what was decided ({@link AuditDecision#NONE} for facts)
 * @param reasons    why, e.g. the rule or limit that decided; at most 16, each clipped to 200 characters
 * @param details    a little more, e.g. {@code method=otp}; at most 16, keys {@code [a-z][a-zA-Z0-9_.-]{0,63}}, values
 *                   clipped to 512 characters; kept sorted by key
 */
public record AuditEvent(Instant time, String type, @Nullable String account, @Nullable String ip,
        @Nullable String userAgent, @Nullable RouteClass routeClass, @Nullable String path, AuditDecision decision,
        List<String> reasons, Map<String, String> details) {

    public AuditEvent {
        Objects.requireNonNull(time, "time");
        type = AuditValues.type(type);
        account = AuditValues.text(account, AuditValues.MAX_ACCOUNT);
        ip = AuditValues.ip(ip);
        userAgent = AuditValues.text(userAgent, AuditValues.MAX_USER_AGENT);
        path = AuditValues.path(path);
        Objects.requireNonNull(decision, "decision");
        reasons = AuditValues.reasons(reasons);
        details = AuditValues.details(details);
    }

    /** Starts an event of {@code type} at {@code time}; everything else is optional. */
    public static AuditEventBuilder builder(String type, Instant time) {
        return new AuditEventBuilder(type, time);
    }

    /**
     * One line of JSON, every string escaped ({@code <}, {@code >}, {@code &}, quotes, control and invisible
     * formatting characters as {@code \}{@code uXXXX}), so no value can break the line, the document or a page
     * it is pasted into. The shape is {@link AuditJson}'s.
     */
    public String toJson() {
        return AuditJson.write(this);
    }

    /** The JSON line: a hostile value cannot forge a second log line through it either. */
    @Override
    public String toString() {
        return toJson();
    }
}
