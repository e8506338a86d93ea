package io.registryguard.audit;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.registryguard.policy.RouteClass;

/**
 * An event as the field/value pairs of one stream entry, readable with {@code redis-cli XREVRANGE guard:audit + -}:
 * {@code time type decision}, then whichever of {@code account ip userAgent routeClass path} are present, then
 * {@code reason.0 reason.1 …} and {@code detail.<key>}. Names as in the JSON line.
 */
final class AuditStreamFields {

    private static final String REASON = "reason.";
    private static final String DETAIL = "detail.";

    private AuditStreamFields() {
    }

    /** Alternating field and value bytes, for {@code XADD}. */
    static Object[] encode(AuditEvent event) {
        List<Object> pairs = new ArrayList<>(24);
        add(pairs, "time", event.time().toString());
        add(pairs, "type", event.type());
        add(pairs, "decision", event.decision().id());
        add(pairs, "account", event.account());
        add(pairs, "ip", event.ip());
        add(pairs, "userAgent", event.userAgent());
        add(pairs, "routeClass", event.routeClass() == null ? null : event.routeClass().id());
        add(pairs, "path", event.path());
        for (int i = 0; i < event.reasons().size(); i++) {
            add(pairs, REASON + i, event.reasons().get(i));
        }
        event.details().forEach((key, value) -> add(pairs, DETAIL + key, value));
        return pairs.toArray();
    }

    /**
     * The event of one entry.
     *
     * @throws RuntimeException when the entry is not one this class wrote (missing or invalid fields)
     */
    static AuditEvent decode(Map<byte[], byte[]> body) {
        Map<String, String> fields = new HashMap<>();
        body.forEach((field, value) -> fields.put(new String(field, UTF_8), new String(value, UTF_8)));
        TreeMap<Integer, String> reasons = new TreeMap<>();
        Map<String, String> details = new TreeMap<>();
        fields.forEach((field, value) -> {
            if (field.startsWith(REASON)) {
                reasons.put(Integer.parseInt(field.substring(REASON.length())), value);
            } else if (field.startsWith(DETAIL)) {
                details.put(field.substring(DETAIL.length()), value);
            }
        });
        String routeClass = fields.get("routeClass");
        return new AuditEvent(Instant.parse(required(fields, "time")), required(fields, "type"), fields.get("account"),
                fields.get("ip"), fields.get("userAgent"), routeClass == null ? null
                        : RouteClass.fromId(routeClass).orElseThrow(() -> new IllegalArgumentException("routeClass")),
                fields.get("path"), AuditDecision.fromId(required(fields, "decision")),
                new ArrayList<>(reasons.values()), details);
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + ": missing");
        }
        return value;
    }

    private static void add(List<Object> pairs, String field, String value) {
        if (value != null) {
            pairs.add(field.getBytes(UTF_8));
            pairs.add(value.getBytes(UTF_8));
        }
    }
}
