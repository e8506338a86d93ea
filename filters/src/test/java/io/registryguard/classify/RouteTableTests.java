package io.registryguard.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.registryguard.policy.PathTemplate;
import io.registryguard.policy.Policy;
import io.registryguard.policy.RouteClass;
import io.registryguard.policy.RouteRule;
import org.junit.jupiter.api.Test;

class RouteTableTests {

    private static final Predicate<String> NO_HEADERS = name -> false;

    private final RouteTable table = RouteTable.compile(WarehousePolicy.policy());

    @Test
    void candidatesWhenMethodAndPathMatchThenRule() {
        assertThat(names(table.candidates("POST", List.of("manage", "account", "token"), NO_HEADERS)))
                .containsExactly("api-tokens");
    }

    @Test
    void candidatesWhenMethodDiffersThenNone() {
        assertThat(table.candidates("GET", List.of("manage", "account", "token"), NO_HEADERS)).isEmpty();
        assertThat(table.candidates("PUT", List.of("manage", "account", "token"), NO_HEADERS)).isEmpty();
    }

    @Test
    void candidatesWhenHeadThenGetRulesApply() {
        assertThat(names(table.candidates("HEAD", List.of("manage", "account", "totp-provision"), NO_HEADERS)))
                .containsExactly("totp-provision");
    }

    @Test
    void candidatesWhenMethodLowerCaseThenMatchedAsUpperCase() {
        assertThat(names(table.candidates("post", List.of("account", "login"), NO_HEADERS))).containsExactly("login");
    }

    @Test
    void candidatesWhenFormFieldRulesThenAllReturnedInPolicyOrder() {
        assertThat(names(table.candidates("POST", List.of("manage", "account"), NO_HEADERS)))
                .containsExactly("delete-account", "change-email", "change-password");
    }

    @Test
    void candidatesWhenHeaderConditionThenOnlyWithHeader() {
        List<String> legacy = List.of("legacy");
        assertThat(table.candidates("POST", legacy, NO_HEADERS)).isEmpty();
        assertThat(names(table.candidates("POST", legacy, Set.of("authorization")::contains))).containsExactly("upload");
    }

    @Test
    void candidatesWhenCaseDiffersAndPolicyCaseInsensitiveThenMatch() {
        assertThat(names(table.candidates("POST", List.of("MANAGE", "Account", "TOKEN"), NO_HEADERS)))
                .containsExactly("api-tokens");
    }

    @Test
    void candidatesWhenCaseDiffersAndPolicyCaseSensitiveThenNoMatch() {
        RouteTable caseSensitive = RouteTable.compile(WarehousePolicy.policy(1024, false));
        assertThat(caseSensitive.candidates("POST", List.of("MANAGE", "Account", "TOKEN"), NO_HEADERS)).isEmpty();
        assertThat(names(caseSensitive.candidates("POST", List.of("manage", "account", "token"), NO_HEADERS)))
                .containsExactly("api-tokens");
    }

    @Test
    void candidatesWhenRuleListsHeadAndGetThenReturnedOnce() {
        RouteRule rule = new RouteRule("page", RouteClass.SENSITIVE, Set.of("GET", "HEAD"), PathTemplate.parse("/p/"),
                Set.of(), Set.of());
        RouteTable both = RouteTable.compile(new Policy("t", "0", "t", new Policy.Normalization(true),
                new Policy.BodyLimits(10), List.of(rule)));
        assertThat(both.candidates("HEAD", List.of("p"), NO_HEADERS)).containsExactly(rule);
    }

    private static List<String> names(List<RouteRule> rules) {
        return rules.stream().map(RouteRule::name).toList();
    }
}
