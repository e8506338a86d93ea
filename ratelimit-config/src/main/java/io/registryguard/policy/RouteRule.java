package io.registryguard.policy;

import java.util.Set;

/**
 * One entry of the policy's {@code routes} section: which requests belong to a route class.
 *
 * @param name       the key under {@code routes}, unique; used in logs, metrics and later per-route settings
 * @param routeClass the class a matching request gets
 * @param methods    upper-case HTTP methods the rule applies to (never empty)
 * @param path       the path template, matched against the normalized request path
 * @param formFields when not empty, the rule applies only if at least one of these parameters is present
 *                   in the query string or the form body (the registry dispatches on {@code request.params},
 *                   which merges both)
 * @param headers    when not empty, the rule applies only if at least one of these headers (lower case) is present
 */
public record RouteRule(String name, RouteClass routeClass, Set<String> methods, PathTemplate path,
        Set<String> formFields, Set<String> headers) {

    public RouteRule {
        methods = Set.copyOf(methods);
        formFields = Set.copyOf(formFields);
        headers = Set.copyOf(headers);
    }

    /** True when deciding this rule needs the request's form fields. */
    public boolean dispatchesOnFormFields() {
        return !formFields.isEmpty();
    }
}
