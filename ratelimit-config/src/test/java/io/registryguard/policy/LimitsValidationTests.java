package io.registryguard.policy;

import static io.registryguard.policy.PolicyLoaderTests.parse;
import static io.registryguard.policy.PolicyLoaderTests.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The {@code limits} and {@code subnets} sections: reading, defaults, and every problem with its file:line: key. */
class LimitsValidationTests {

    private static final String HEAD = """
            version: test-1
            routes:
              login: {class: login, methods: [POST], path: /account/login/}
            """;
    private static final String TARGETS = "sensitive, mfa-enrollment, second-factor, login, api-auth, email-code";
    private static final String LIMIT_KEYS = "applies-to, key, counts, bandwidths, on-store-failure";

    // --- reading --------------------------------------------------------------------------------------------

    @Test
    void parseWhenLimitWrittenOutThenEveryFieldRead() {
        Policy policy = parse(HEAD + """
                limits:
                  second-factor-per-user:
                    applies-to: [second-factor, login]
                    key: username
                    counts: failures
                    bandwidths: [5 per 5m, 20 per 1h, 50 per 1d]
                    on-store-failure: closed
                """);

        assertThat(policy.limits()).containsExactly(new Limit("second-factor-per-user",
                Set.of("second-factor", "login"), Limit.Key.USERNAME, Limit.Counts.FAILURES,
                List.of(Rate.parse("5 per 5m"), Rate.parse("20 per 1h"), Rate.parse("50 per 1d")),
                Limit.OnStoreFailure.CLOSED));
        assertThat(policy.limits().get(0).longestPeriod()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void parseWhenOnStoreFailureLeftOutThenLocal() {
        Policy policy = parse(HEAD + """
                limits:
                  email: {applies-to: [email-code], key: username, counts: attempts, bandwidths: [3 per 6h]}
                """);
        assertThat(policy.limits()).singleElement()
                .extracting(Limit::onStoreFailure).isEqualTo(Limit.OnStoreFailure.LOCAL);
    }

    @Test
    void parseWhenLimitsSectionLeftOutThenTheBuiltInLimitsRun() {
        Policy policy = parse(HEAD);
        assertThat(policy.limits()).isEqualTo(PolicyLoader.loadDefault().limits()).isNotEmpty();
        assertThat(policy.subnets()).isEqualTo(Subnets.DEFAULT);
    }

    @Test
    void parseWhenLimitsSectionEmptyThenNoLimits() {
        assertThat(parse(HEAD + "limits: {}\n").limits()).isEmpty();
    }

    @Test
    void parseWhenSubnetsGivenThenUsed() {
        Policy policy = parse(HEAD + "subnets: {ipv4-prefix: 16, ipv6-prefix: 48}\n");
        assertThat(policy.subnets()).isEqualTo(new Subnets(16, 48));
    }

    @Test
    void parseWhenOneSubnetPrefixGivenThenTheOtherDefaults() {
        assertThat(parse(HEAD + "subnets: {ipv6-prefix: 64}\n").subnets()).isEqualTo(new Subnets(24, 64));
    }

    // --- problems -------------------------------------------------------------------------------------------

    @Test
    void loadWhenLimitKeyMisspelledThenErrorListsLimitKeys() {
        assertThat(problems(HEAD + """
                limits:
                  per-ip:
                    applies-to: [login]
                    key: ip
                    count: failures
                    bandwidths: [10 per 5m]
                """)).containsExactly(
                "policy.yaml:5: limits.per-ip: missing required key 'counts'",
                "policy.yaml:8: limits.per-ip.count: unknown key; expected one of: " + LIMIT_KEYS);
    }

    @Test
    void loadWhenLimitEmptyThenEveryRequiredKeyReported() {
        assertThat(problems(HEAD + """
                limits:
                  per-ip: {}
                """)).containsExactly(
                "policy.yaml:5: limits.per-ip: missing required key 'applies-to'",
                "policy.yaml:5: limits.per-ip: missing required key 'key'",
                "policy.yaml:5: limits.per-ip: missing required key 'counts'",
                "policy.yaml:5: limits.per-ip: missing required key 'bandwidths'");
    }

    @Test
    void loadWhenLimitNameInvalidThenErrorSaysWhatNamesLookLike() {
        assertThat(problems(HEAD + """
                limits:
                  Per_IP: {applies-to: [login], key: ip, counts: failures, bandwidths: [10 per 5m]}
                """)).containsExactly("policy.yaml:5: limits.Per_IP: invalid limit name; expected lower-case"
                + " letters, digits and '-', starting with a letter or digit");
    }

    @Test
    void loadWhenLimitsIsAListThenErrorSaysMappingExpected() {
        assertThat(problems(HEAD + """
                limits:
                  - per-ip
                """)).containsExactly("policy.yaml:4: limits: expected a mapping, found a list");
    }

    @Test
    void loadWhenAppliesToUnknownClassThenErrorListsTargets() {
        assertThat(problems(HEAD + """
                limits:
                  per-ip: {applies-to: [login, logn], key: ip, counts: failures, bandwidths: [10 per 5m]}
                """)).containsExactly("policy.yaml:5: limits.per-ip.applies-to: unknown route class or action"
                + " 'logn'; expected one of: " + TARGETS);
    }

    @Test
    void loadWhenAppliesToPublicThenRejectedBecauseThePublicPathMakesNoStoreCall() {
        assertThat(problems(HEAD + """
                limits:
                  per-ip: {applies-to: [public], key: ip, counts: attempts, bandwidths: [100 per 1m]}
                """)).containsExactly("policy.yaml:5: limits.per-ip.applies-to: class 'public' is never"
                + " rate-limited (its requests make no store call); expected one of: " + TARGETS);
    }

    @Test
    void loadWhenAppliesToEmptyThenErrorListsTargets() {
        assertThat(problems(HEAD + """
                limits:
                  per-ip: {applies-to: [], key: ip, counts: failures, bandwidths: [10 per 5m]}
                """)).containsExactly(
                "policy.yaml:5: limits.per-ip.applies-to: applies to nothing; expected at least one of: " + TARGETS);
    }

    @Test
    void loadWhenAppliesToIsTextThenErrorShowsListForm() {
        assertThat(problems(HEAD + """
                limits:
                  per-ip: {applies-to: login, key: ip, counts: failures, bandwidths: [10 per 5m]}
                """)).containsExactly(
                "policy.yaml:5: limits.per-ip.applies-to: expected a list like [login], found 'login'");
    }

    @Test
    void loadWhenKeyKindUnknownThenErrorListsKinds() {
        assertThat(problems(HEAD + """
                limits:
                  per-ip: {applies-to: [login], key: address, counts: failures, bandwidths: [10 per 5m]}
                """)).containsExactly("policy.yaml:5: limits.per-ip.key: unknown key kind 'address';"
                + " expected one of: ip, subnet, username, device, global");
    }

    @Test
    void loadWhenCountsUnknownThenErrorExplainsBoth() {
        assertThat(problems(HEAD + """
                limits:
                  per-ip: {applies-to: [login], key: ip, counts: errors, bandwidths: [10 per 5m]}
                """)).containsExactly("policy.yaml:5: limits.per-ip.counts: unknown count 'errors'; expected"
                + " failures (failed outcomes only) or attempts (every attempt let through)");
    }

    @Test
    void loadWhenEmailCodeCountsFailuresThenRejectedBecauseSendingCannotFail() {
        assertThat(problems(HEAD + """
                limits:
                  email:
                    applies-to: [email-code]
                    key: username
                    counts: failures
                    bandwidths: [3 per 6h]
                """)).containsExactly("policy.yaml:8: limits.email.counts: sending an email code has no failed"
                + " outcome; expected counts: attempts (in a limit of its own if other targets count failures)");
    }

    @Test
    void loadWhenOnStoreFailureUnknownThenErrorExplainsModes() {
        assertThat(problems(HEAD + """
                limits:
                  per-ip:
                    applies-to: [login]
                    key: ip
                    counts: failures
                    bandwidths: [10 per 5m]
                    on-store-failure: retry
                """)).containsExactly("policy.yaml:10: limits.per-ip.on-store-failure: unknown mode 'retry';"
                + " expected local (count in this instance's memory), open (let attempts through) or closed"
                + " (refuse them)");
    }

    @Test
    void loadWhenBandwidthNotARateThenErrorShowsTheForm() {
        assertThat(problems(HEAD + """
                limits:
                  per-ip: {applies-to: [login], key: ip, counts: failures, bandwidths: [10/5m]}
                """)).containsExactly("policy.yaml:5: limits.per-ip.bandwidths: '10/5m' is not a rate; expected"
                + " '<count> per <duration>' like '5 per 5m' (units s, m, h, d)");
    }

    @Test
    void loadWhenBandwidthsOnSeveralLinesThenErrorHasTheBadItemsLine() {
        assertThat(problems(HEAD + """
                limits:
                  per-user:
                    applies-to: [login]
                    key: username
                    counts: failures
                    bandwidths:
                      - 5 per 5m
                      - 0 per 1h
                """)).containsExactly("policy.yaml:11: limits.per-user.bandwidths: '0 per 1h' allows nothing;"
                + " expected a positive count in '<count> per <duration>' like '5 per 5m' (units s, m, h, d)");
    }

    @Test
    void loadWhenTwoBandwidthsShareAPeriodThenErrorNamesBoth() {
        assertThat(problems(HEAD + """
                limits:
                  per-ip: {applies-to: [login], key: ip, counts: failures, bandwidths: [10 per 5m, 20 per 300s]}
                """)).containsExactly("policy.yaml:5: limits.per-ip.bandwidths: '20 per 5m' has the same period"
                + " as '10 per 5m'; expected one bandwidth per period (keep the smaller count)");
    }

    @Test
    void loadWhenBandwidthPeriodOverAYearThenRejected() {
        assertThat(problems(HEAD + """
                limits:
                  per-ip: {applies-to: [login], key: ip, counts: failures, bandwidths: [10 per 400d]}
                """)).containsExactly("policy.yaml:5: limits.per-ip.bandwidths: '10 per 400d' has a period longer"
                + " than 365d; expected a period up to 365d");
    }

    @Test
    void loadWhenBandwidthsEmptyThenErrorShowsExample() {
        assertThat(problems(HEAD + """
                limits:
                  per-ip: {applies-to: [login], key: ip, counts: failures, bandwidths: []}
                """)).containsExactly(
                "policy.yaml:5: limits.per-ip.bandwidths: no bandwidths; expected at least one like [10 per 5m]");
    }

    @Test
    void loadWhenSeveralLimitsWrongThenAllReportedInLineOrder() {
        assertThat(problems(HEAD + """
                limits:
                  a: {applies-to: [login], key: ip, counts: failure, bandwidths: [10 per 5m]}
                  b: {applies-to: [login], key: ip, counts: failures, bandwidths: [ten per 5m]}
                subnets: {ipv4-prefix: 33}
                """)).containsExactly(
                "policy.yaml:5: limits.a.counts: unknown count 'failure'; expected failures (failed outcomes only)"
                        + " or attempts (every attempt let through)",
                "policy.yaml:6: limits.b.bandwidths: 'ten per 5m' is not a rate; expected '<count> per <duration>'"
                        + " like '5 per 5m' (units s, m, h, d)",
                "policy.yaml:7: subnets.ipv4-prefix: '33' is not a prefix length; expected a prefix length from"
                        + " 8 to 32");
    }

    @Test
    void loadWhenSubnetKeyUnknownThenErrorListsKeys() {
        assertThat(problems(HEAD + """
                subnets:
                  ipv4: 24
                """)).containsExactly(
                "policy.yaml:5: subnets.ipv4: unknown key; expected one of: ipv4-prefix, ipv6-prefix");
    }

    @Test
    void loadWhenIpv6PrefixNotANumberThenErrorShowsTheRange() {
        assertThat(problems(HEAD + """
                subnets:
                  ipv6-prefix: /56
                """)).containsExactly("policy.yaml:5: subnets.ipv6-prefix: '/56' is not a prefix length;"
                + " expected a prefix length from 16 to 128");
    }

    // --- the model on its own -------------------------------------------------------------------------------

    @Test
    void limitWhenBuiltWithoutBandwidthsThenRejectedNamingTheLimit() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Limit("x", Set.of("login"), Limit.Key.IP,
                Limit.Counts.FAILURES, List.of(), Limit.OnStoreFailure.LOCAL))
                .withMessage("limit 'x': bandwidths must not be empty");
    }

    @Test
    void subnetsWhenPrefixOutOfRangeThenRejectedNamingTheKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Subnets(24, 8))
                .withMessage("ipv6Prefix must be between 16 and 128, was 8");
    }

    @Test
    void policyWhenBuiltWithoutLimitsThenNoneAndDefaultSubnets() {
        Policy policy = new Policy("t", "0", "t", new Policy.Normalization(true), new Policy.BodyLimits(1024),
                List.of());
        assertThat(policy.limits()).isEmpty();
        assertThat(policy.subnets()).isEqualTo(Subnets.DEFAULT);
    }
}
