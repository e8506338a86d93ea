package io.registryguard.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.registryguard.policy.risk.RiskPolicy;

/**
 * The whole policy, immutable, validated once at load. A reload builds a new instance and swaps it in.
 *
 * @param version       the operator's label from the file ({@code version:}), free text
 * @param sha256        hex SHA-256 of the file's bytes: what actually runs
 * @param source        where it came from (a path, or {@code classpath:...} for the built-in one)
 * @param normalization how request paths are normalized before matching
 * @param body          caps on request bodies the guard reads
 * @param routes        the route rules, in file order
 * @param limits        the rate limits, in file order; a file without a {@code limits} section gets the built-in
 *                      ones, {@code limits: {}} means none
 * @param subnets       how wide a subnet is for subnet-keyed limits
 * @param logins        per login/api-auth route name: how its credential is read and its outcome judged; a route
 *                      without an entry gets {@link LoginRule#defaultFor}
 * @param frozenAccounts accounts frozen by the operators through the policy (canonical, lower case): no login
 *                      completes and their sessions are refused; the admin API freezes more at run time
 * @param stepUp        what each sensitive route demands before it is forwarded
 * @param sequenceRules the thresholds and actions of the rules that judge a sensitive action by what came before it
 * @param risk          how credential stuffing is scored and answered
 * @param accounts      how a typed account name becomes the one key everything is kept under
 */
public record Policy(String version, String sha256, String source, Normalization normalization,
        BodyLimits body, List<RouteRule> routes, List<Limit> limits, Subnets subnets, Map<String, LoginRule> logins,
        java.util.Set<String> frozenAccounts, StepUpRule.Settings stepUp, SequencePolicy sequenceRules,
        RiskPolicy risk, AccountNames accounts) {

    public Policy {
        routes = List.copyOf(routes);
        limits = List.copyOf(limits);
        Objects.requireNonNull(subnets, "subnets");
        logins = Map.copyOf(logins);
        frozenAccounts = java.util.Set.copyOf(frozenAccounts);
        Objects.requireNonNull(stepUp, "stepUp");
        Objects.requireNonNull(sequenceRules, "sequenceRules");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(accounts, "accounts");
    }

    /** With the default account names (NFKC, full case folding, trimmed). */
    public Policy(String version, String sha256, String source, Normalization normalization, BodyLimits body,
            List<RouteRule> routes, List<Limit> limits, Subnets subnets, Map<String, LoginRule> logins,
            java.util.Set<String> frozenAccounts, StepUpRule.Settings stepUp, SequencePolicy sequenceRules,
            RiskPolicy risk) {
        this(version, sha256, source, normalization, body, routes, limits, subnets, logins, frozenAccounts, stepUp,
                sequenceRules, risk, AccountNames.DEFAULT);
    }

    /** With the built-in risk settings. */
    public Policy(String version, String sha256, String source, Normalization normalization, BodyLimits body,
            List<RouteRule> routes, List<Limit> limits, Subnets subnets, Map<String, LoginRule> logins,
            java.util.Set<String> frozenAccounts, StepUpRule.Settings stepUp, SequencePolicy sequenceRules) {
        this(version, sha256, source, normalization, body, routes, limits, subnets, logins, frozenAccounts, stepUp,
                sequenceRules, RiskPolicy.DEFAULTS);
    }

    /** With the built-in sequence rules. */
    public Policy(String version, String sha256, String source, Normalization normalization, BodyLimits body,
            List<RouteRule> routes, List<Limit> limits, Subnets subnets, Map<String, LoginRule> logins,
            java.util.Set<String> frozenAccounts, StepUpRule.Settings stepUp) {
        this(version, sha256, source, normalization, body, routes, limits, subnets, logins, frozenAccounts, stepUp,
                SequencePolicy.DEFAULTS);
    }

    /** With the built-in step-up and sequence rules. */
    public Policy(String version, String sha256, String source, Normalization normalization, BodyLimits body,
            List<RouteRule> routes, List<Limit> limits, Subnets subnets, Map<String, LoginRule> logins,
            java.util.Set<String> frozenAccounts) {
        this(version, sha256, source, normalization, body, routes, limits, subnets, logins, frozenAccounts,
                StepUpRule.Settings.DEFAULT);
    }

    /** Without frozen accounts, with the default step-up rules. */
    public Policy(String version, String sha256, String source, Normalization normalization, BodyLimits body,
            List<RouteRule> routes, List<Limit> limits, Subnets subnets, Map<String, LoginRule> logins) {
        this(version, sha256, source, normalization, body, routes, limits, subnets, logins, java.util.Set.of(),
                StepUpRule.Settings.DEFAULT);
    }

    /** A policy with the default login rules, for tests of the limiter and the classifier. */
    public Policy(String version, String sha256, String source, Normalization normalization, BodyLimits body,
            List<RouteRule> routes, List<Limit> limits, Subnets subnets) {
        this(version, sha256, source, normalization, body, routes, limits, subnets, Map.of(), java.util.Set.of(),
                StepUpRule.Settings.DEFAULT);
    }

    /** How attempts on {@code route} (a login or api-auth rule) are read and judged. */
    public LoginRule loginRule(RouteRule route) {
        LoginRule configured = logins.get(route.name());
        return configured != null ? configured : LoginRule.defaultFor(route);
    }

    /** The rule named {@code name}, if any. */
    public java.util.Optional<RouteRule> route(String name) {
        return routes.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** A policy without rate limits, for tests and tools that only classify requests. */
    public Policy(String version, String sha256, String source, Normalization normalization, BodyLimits body,
            List<RouteRule> routes) {
        this(version, sha256, source, normalization, body, routes, List.of(), Subnets.DEFAULT);
    }

    /** The same policy with other limits, for tests of the limiter and its reload. */
    public Policy withLimits(List<Limit> limits, Subnets subnets) {
        return new Policy(version, sha256, source, normalization, body, routes, limits, subnets, logins,
                frozenAccounts, stepUp, sequenceRules, risk, accounts);
    }

    /**
     * @param caseInsensitive compare paths without regard to letter case. Safe default: a variant in
     *                        another case is then never less protected than the canonical path.
     */
    public record Normalization(boolean caseInsensitive) {
    }

    /** @param formMaxBytes the most bytes of a form body read for field dispatch; more is refused with 413 */
    public record BodyLimits(int formMaxBytes) {
    }
}
