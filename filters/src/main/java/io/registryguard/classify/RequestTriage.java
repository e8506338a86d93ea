package io.registryguard.classify;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import io.registryguard.policy.LoginRule;
import io.registryguard.policy.Policy;
import io.registryguard.policy.RouteClass;
import io.registryguard.policy.RouteRule;

/**
 * What is known about a request before it is read: the rules its method, normalized path and header names match.
 * None (almost all traffic) means public, never read. Any means the request is read strictly, whether or not the
 * rules' form fields turn out to be present (one reading): only then is it classified, by the fields read.
 */
final class RequestTriage {

    private final List<RouteRule> candidates;
    private final boolean bodyMatters;

    private RequestTriage(List<RouteRule> candidates, boolean bodyMatters) {
        this.candidates = candidates;
        this.bodyMatters = bodyMatters;
    }

    /** @throws org.springframework.web.server.ResponseStatusException 400 for a malformed path */
    static RequestTriage of(RouteTable table, Policy policy, String method, String rawPath,
            Predicate<String> headerPresent) {
        List<RouteRule> candidates = table.candidates(method, PathNormalizer.normalize(rawPath), headerPresent);
        boolean bodyMatters = candidates.stream().anyMatch(rule -> !isUpload(policy, rule));
        return new RequestTriage(candidates, bodyMatters);
    }

    /** An upload: its credential is a header and its body (a package) is nothing a rule reads. */
    private static boolean isUpload(Policy policy, RouteRule rule) {
        return rule.routeClass() == RouteClass.API_AUTH && !rule.dispatchesOnFormFields()
                && policy.loginRule(rule).credential() == LoginRule.Credential.BASIC;
    }

    /** True when a rule could classify the request as non-public: it must be read first. */
    boolean mustRead() {
        return !candidates.isEmpty();
    }

    /** False when every candidate is an upload, whose body streams through unread. */
    boolean bodyMatters() {
        return bodyMatters;
    }

    /**
     * Field names are matched ignoring case: a registry that folds them would act on {@code Confirm_Password}, and
     * reading more requests as sensitive than the registry would is the safe side of a disagreement.
     */
    RouteClassification classify(Set<String> fields) {
        Set<String> folded = new HashSet<>();
        fields.forEach(name -> folded.add(name.toLowerCase(Locale.ROOT)));
        return RouteClassifier.classify(candidates, name -> folded.contains(name.toLowerCase(Locale.ROOT)));
    }
}
