package io.registryguard.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.registryguard.policy.PathTemplate;
import io.registryguard.policy.RouteClass;
import io.registryguard.policy.RouteRule;
import org.junit.jupiter.api.Test;

class RouteClassifierTests {

    private static final Predicate<String> NO_FIELDS = name -> false;

    private static final RouteRule LOGIN = WarehousePolicy.rule("login", RouteClass.LOGIN, "/x/", "POST");
    private static final RouteRule SENSITIVE = WarehousePolicy.rule("strict", RouteClass.SENSITIVE, "/x/", "POST");
    private static final RouteRule SENSITIVE_TOO = WarehousePolicy.rule("strict-too", RouteClass.SENSITIVE, "/x/",
            "POST");
    private static final RouteRule DELETE = formRule("delete", RouteClass.SENSITIVE, "confirm_password");
    private static final RouteRule EMAIL = formRule("email", RouteClass.SENSITIVE, "email", "primary_email_id");
    private static final RouteRule ENROLL = formRule("enroll", RouteClass.MFA_ENROLLMENT, "totp_value");

    @Test
    void classifyWhenNoCandidatesThenPublicWithoutRule() {
        assertThat(RouteClassifier.classify(List.of(), NO_FIELDS))
                .isEqualTo(new RouteClassification(RouteClass.PUBLIC, null));
    }

    @Test
    void classifyWhenRuleWithoutFieldsThenAlwaysMatches() {
        assertThat(RouteClassifier.classify(List.of(LOGIN), NO_FIELDS))
                .isEqualTo(new RouteClassification(RouteClass.LOGIN, "login"));
    }

    @Test
    void classifyWhenSeveralMatchThenStrictestClassWinsWhateverTheOrder() {
        assertThat(RouteClassifier.classify(List.of(LOGIN, SENSITIVE), NO_FIELDS).ruleName()).isEqualTo("strict");
        assertThat(RouteClassifier.classify(List.of(SENSITIVE, LOGIN), NO_FIELDS).ruleName()).isEqualTo("strict");
    }

    @Test
    void classifyWhenSameClassThenFirstInPolicyOrderWins() {
        assertThat(RouteClassifier.classify(List.of(SENSITIVE, SENSITIVE_TOO), NO_FIELDS).ruleName()).isEqualTo("strict");
        assertThat(RouteClassifier.classify(List.of(SENSITIVE_TOO, SENSITIVE), NO_FIELDS).ruleName())
                .isEqualTo("strict-too");
    }

    @Test
    void classifyWhenFieldRuleAndFieldAbsentThenRuleSkipped() {
        assertThat(RouteClassifier.classify(List.of(DELETE, EMAIL), Set.of("csrf_token")::contains))
                .isEqualTo(new RouteClassification(RouteClass.PUBLIC, null));
    }

    @Test
    void classifyWhenAnyOfTheFieldsPresentThenRuleMatches() {
        assertThat(RouteClassifier.classify(List.of(DELETE, EMAIL), Set.of("primary_email_id")::contains).ruleName())
                .isEqualTo("email");
    }

    @Test
    void classifyWhenFieldsOfTwoRulesThenFirstInPolicyOrder() {
        Predicate<String> both = Set.of("email", "confirm_password")::contains;
        assertThat(RouteClassifier.classify(List.of(DELETE, EMAIL), both).ruleName()).isEqualTo("delete");
    }

    @Test
    void classifyWhenWarehouseAccountFormWithDeleteAndPasswordFieldsThenDeleteAccount() {
        List<RouteRule> accountRules = WarehousePolicy.rules().stream()
                .filter(r -> r.path().equals(PathTemplate.parse("/manage/account/"))).toList();
        assertThat(RouteClassifier.classify(accountRules, Set.of("new_password", "confirm_password")::contains))
                .isEqualTo(new RouteClassification(RouteClass.SENSITIVE, "delete-account"));
    }

    private static RouteRule formRule(String name, RouteClass routeClass, String... fields) {
        return new RouteRule(name, routeClass, Set.of("POST"), PathTemplate.parse("/x/"), Set.of(fields), Set.of());
    }
}
