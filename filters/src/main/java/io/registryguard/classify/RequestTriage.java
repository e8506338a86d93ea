package io.registryguard.classify;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import io.registryguard.policy.RouteRule;
import org.jspecify.annotations.Nullable;

/**
 * What is known about a request before its body is read, and whether the body is worth reading: only when
 * a candidate rule dispatches on form fields, the query string has not already settled it, and the body is
 * one the registry parses into fields. Almost all traffic ends here with no candidates at all.
 */
final class RequestTriage {

    private final List<RouteRule> candidates;
    private final Set<String> queryFields;
    private final @Nullable FormContentType bodyFormat;

    private RequestTriage(List<RouteRule> candidates, Set<String> queryFields, @Nullable FormContentType bodyFormat) {
        this.candidates = candidates;
        this.queryFields = queryFields;
        this.bodyFormat = bodyFormat;
    }

    /**
     * @param contentType the {@code Content-Type} header, or null when absent
     * @throws org.springframework.web.server.ResponseStatusException 400 for a malformed path, or for a
     *         multipart body without boundary that would have to be read
     */
    static RequestTriage of(RouteTable table, String method, String rawPath, @Nullable String rawQuery,
            Predicate<String> headerPresent, @Nullable String contentType) {
        List<RouteRule> candidates = table.candidates(method, PathNormalizer.normalize(rawPath), headerPresent);
        if (candidates.stream().noneMatch(RouteRule::dispatchesOnFormFields)) {
            return new RequestTriage(candidates, Set.of(), null);
        }
        Set<String> queryFields = FormFieldNames.fromQuery(rawQuery);
        if (!RouteClassifier.mayDependOnMoreFields(candidates, queryFields::contains)) {
            return new RequestTriage(candidates, queryFields, null);
        }
        Optional<FormContentType> bodyFormat = FormContentType.of(contentType);
        return new RequestTriage(candidates, queryFields, bodyFormat.orElse(null));
    }

    /** True when the body must be read to classify; then call {@link #classifyWithBody}. */
    boolean needsBody() {
        return bodyFormat != null;
    }

    RouteClassification classifyWithoutBody() {
        return RouteClassifier.classify(candidates, queryFields::contains);
    }

    RouteClassification classifyWithBody(byte[] body) {
        if (bodyFormat == null) {
            return classifyWithoutBody();
        }
        Set<String> fields = new HashSet<>(queryFields);
        fields.addAll(FormFieldNames.fromBody(bodyFormat, body));
        return RouteClassifier.classify(candidates, fields::contains);
    }
}
