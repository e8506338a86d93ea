package io.registryguard.sequence;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.registryguard.body.FormValues;
import io.registryguard.classify.PathNormalizer;

/** A sensitive HTTP request as the {@link SensitiveEvent} the sequence rules judge (see {@link WarehouseEvents}). */
public final class SensitiveRequests {

    /** The form fields {@link WarehouseEvents} reads. */
    static final List<String> FIELDS = List.of("username", "role_name", "role_id", "confirm_username", "decline",
            "accept");

    private SensitiveRequests() {
    }

    public static Optional<SensitiveEvent> event(String route, String method, String rawPath, String contentType,
            byte[] body, String actor, Instant at) {
        Map<String, String> form = new HashMap<>();
        for (String field : FIELDS) {
            FormValues.first(contentType, body, field).ifPresent(value -> form.put(field, value));
        }
        try {
            return WarehouseEvents.from(route, method, PathNormalizer.normalize(rawPath), form, actor, at);
        } catch (IllegalArgumentException mapping) {
            return Optional.empty(); // the policy names a route this mapping does not know the shape of
        }
    }
}
