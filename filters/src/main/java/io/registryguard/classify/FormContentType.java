package io.registryguard.classify;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request body the registry parses into form fields. Warehouse's WebOb parses exactly two content types,
 * and also a body sent without any {@code Content-Type} (it treats it as urlencoded); everything else
 * (JSON, text) never reaches {@code request.params}.
 *
 * @param multipart true for {@code multipart/form-data}, false for {@code application/x-www-form-urlencoded}
 * @param boundary  the multipart boundary; null when not multipart
 */
record FormContentType(boolean multipart, @Nullable String boundary) {

    static final FormContentType URLENCODED = new FormContentType(false, null);

    /**
     * @param header the {@code Content-Type} header as received, or null when absent
     * @return the form type, or empty when the registry would not parse this body as a form
     * @throws ResponseStatusException 400 for {@code multipart/form-data} without a boundary
     */
    static Optional<FormContentType> of(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return Optional.of(URLENCODED);
        }
        HeaderParameters parsed = HeaderParameters.parse(header);
        String type = parsed.value().toLowerCase(Locale.ROOT);
        if (type.equals("application/x-www-form-urlencoded")) {
            return Optional.of(URLENCODED);
        }
        if (type.equals("multipart/form-data")) {
            List<String> boundaries = parsed.all("boundary");
            if (boundaries.isEmpty() || boundaries.get(0).isEmpty()) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "multipart/form-data request without a boundary parameter in Content-Type");
            }
            return Optional.of(new FormContentType(true, boundaries.get(0)));
        }
        return Optional.empty();
    }
}
