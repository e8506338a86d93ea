package io.registryguard.sequence;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.registryguard.classify.PathNormalizer;
import io.registryguard.read.ReadRequest;
import org.jspecify.annotations.Nullable;

/** A sensitive HTTP request as the {@link SensitiveEvent} the sequence rules judge (see {@link WarehouseEvents}). */
public final class SensitiveRequests {

    /** The form fields {@link WarehouseEvents} reads. */
    static final List<String> FIELDS = List.of("username", "role_name", "role_id", "confirm_username", "decline",
            "accept");

    private SensitiveRequests() {
    }

    /** @param read the guard's one reading of the request; null reads as no fields */
    public static Optional<SensitiveEvent> event(String route, String method, String rawPath,
            @Nullable ReadRequest read, String actor, Instant at) {
        Map<String, String> form = new HashMap<>();
        if (read != null) {
            for (String field : FIELDS) {
                read.value(field).ifPresent(value -> form.put(field, value));
            }
        }
        try {
            return WarehouseEvents.from(route, method, PathNormalizer.normalize(rawPath), form, actor, at);
        } catch (IllegalArgumentException mapping) {
            return Optional.empty(); // the policy names a route this mapping does not know the shape of
        }
    }
}
