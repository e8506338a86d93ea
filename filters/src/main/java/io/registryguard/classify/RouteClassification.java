package io.registryguard.classify;

import java.util.Objects;

import io.registryguard.policy.RouteClass;
import org.jspecify.annotations.Nullable;

/**
 * The class a request fell into, kept on the exchange under {@link #ATTRIBUTE} for the filters after
 * classification and for the access log.
 *
 * @param routeClass the class; {@link RouteClass#PUBLIC} when no rule matched
 * @param ruleName   the policy rule that decided, or null when no rule matched
 */
public record RouteClassification(RouteClass routeClass, @Nullable String ruleName) {

    /** Exchange attribute holding the {@code RouteClassification} of the request. */
    public static final String ATTRIBUTE = RouteClassification.class.getName();

    static final RouteClassification UNMATCHED = new RouteClassification(RouteClass.PUBLIC, null);

    public RouteClassification {
        Objects.requireNonNull(routeClass, "routeClass");
    }
}
