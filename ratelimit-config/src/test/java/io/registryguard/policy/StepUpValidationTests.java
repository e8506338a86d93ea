package io.registryguard.policy;

import static io.registryguard.policy.PolicyLoaderTests.parse;
import static io.registryguard.policy.PolicyLoaderTests.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The {@code step-up} section: defaults, per-route rules, and every problem with its file:line: key. */
class StepUpValidationTests {

    private static final String HEAD = """
            version: test-1
            routes:
              login: {class: login, methods: [POST], path: /account/login/}
              invite: {class: sensitive, methods: [POST], path: "/manage/project/{p}/collaboration/"}
              delete: {class: sensitive, methods: [POST], path: "/manage/project/{p}/delete_project/"}
            """;

    @Test
    void parseWhenSectionLeftOutThenFiveMinutesOfOtpOrHwkForEveryRoute() {
        Policy policy = parse(HEAD);
        assertThat(policy.stepUp().forRoute("invite")).isEqualTo(StepUpRule.DEFAULT);
        assertThat(StepUpRule.DEFAULT.maxAge()).isEqualTo(Duration.ofMinutes(5));
        assertThat(StepUpRule.DEFAULT.acr()).containsExactlyInAnyOrder("otp", "hwk");
    }

    @Test
    void parseWhenRouteOverridesThenItsRuleAndInheritedRest() {
        Policy policy = parse(HEAD + """
                step-up:
                  defaults: {max-age: 10m, acr: [otp, hwk, email]}
                  routes:
                    delete: {max-age: 0s, single-use: true}
                """);
        assertThat(policy.stepUp().forRoute("invite")).isEqualTo(
                new StepUpRule(Duration.ofMinutes(10), Set.of("otp", "hwk", "email"), false));
        assertThat(policy.stepUp().forRoute("delete")).isEqualTo(
                new StepUpRule(Duration.ZERO, Set.of("otp", "hwk", "email"), true));
    }

    @Test
    void defaultPolicyWhenLoadedThenAccountAndProjectDeletionForThisActionOnly() {
        Policy policy = PolicyLoader.loadDefault();
        assertThat(policy.stepUp().forRoute("account-delete").maxAge()).isZero();
        assertThat(policy.stepUp().forRoute("account-delete").singleUse()).isTrue();
        assertThat(policy.stepUp().forRoute("delete-project").singleUse()).isTrue();
        assertThat(policy.stepUp().forRoute("collaboration-delete")).isEqualTo(StepUpRule.DEFAULT);
    }

    @Test
    void loadWhenRulesMalformedThenEachProblemNamed() {
        assertThat(problems(HEAD + """
                step-up:
                  routes:
                    login: {max-age: 5m}
                    nowhere: {max-age: 5m}
                    invite: {max-age: 0s}
                    delete: {acr: [sms], max-age: 5 minutes}
                """)).anySatisfy(p -> assertThat(p).isEqualTo("policy.yaml:8: step-up.routes.login: route 'login' is"
                        + " class login; expected a sensitive or mfa-enrollment route"))
                .anySatisfy(p -> assertThat(p).isEqualTo("policy.yaml:9: step-up.routes.nowhere: no route named"
                        + " 'nowhere'; expected the name of a sensitive route"))
                .anySatisfy(p -> assertThat(p).startsWith("policy.yaml:10: step-up.routes.invite: max-age 0s means"))
                .anySatisfy(p -> assertThat(p).startsWith("policy.yaml:11: step-up.routes.delete.acr: unknown factor"
                        + " kind 'sms'"))
                .anySatisfy(p -> assertThat(p).startsWith("policy.yaml:11: step-up.routes.delete.max-age: '5 minutes'"
                        + " is not a duration"));
    }
}
