package io.registryguard.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.registryguard.policy.PathTemplate;
import io.registryguard.policy.Policy;
import io.registryguard.policy.RouteClass;
import io.registryguard.policy.RouteRule;

/** The Warehouse route rules, built in code so these tests do not depend on the policy loader. */
final class WarehousePolicy {

    static final int FORM_MAX_BYTES = 64 * 1024;

    private WarehousePolicy() {
    }

    static Policy policy() {
        return policy(FORM_MAX_BYTES, true);
    }

    static Policy policy(int formMaxBytes, boolean caseInsensitive) {
        return new Policy("test", "0".repeat(64), "WarehousePolicy.java", new Policy.Normalization(caseInsensitive),
                new Policy.BodyLimits(formMaxBytes), rules());
    }

    static List<RouteRule> rules() {
        List<RouteRule> rules = new ArrayList<>();
        rules.add(rule("login", RouteClass.LOGIN, "/account/login/", "POST"));
        rules.add(rule("second-factor", RouteClass.SECOND_FACTOR, "/account/two-factor/", "POST"));
        rules.add(rule("totp-provision", RouteClass.MFA_ENROLLMENT, "/manage/account/totp-provision", "GET", "POST"));
        rules.add(rule("webauthn-provision", RouteClass.MFA_ENROLLMENT, "/manage/account/webauthn-provision/*",
                "GET", "POST"));
        rules.add(rule("recovery-codes", RouteClass.MFA_ENROLLMENT, "/manage/account/recovery-codes/*", "GET", "POST"));
        rules.add(rule("collaboration-invite", RouteClass.SENSITIVE, "/manage/project/{project}/collaboration/", "POST"));
        rules.add(rule("collaboration-change", RouteClass.SENSITIVE, "/manage/project/{project}/collaboration/change/",
                "POST"));
        rules.add(rule("collaboration-delete", RouteClass.SENSITIVE, "/manage/project/{project}/collaboration/delete/",
                "POST"));
        rules.add(rule("collaboration-revoke-invite", RouteClass.SENSITIVE,
                "/manage/project/{project}/collaboration/revoke_invite/", "POST"));
        rules.add(rule("transfer-organization-project", RouteClass.SENSITIVE,
                "/manage/project/{project}/transfer_organization_project/", "POST"));
        rules.add(rule("delete-project", RouteClass.SENSITIVE, "/manage/project/{project}/delete_project/", "POST"));
        rules.add(new RouteRule("delete-release", RouteClass.SENSITIVE, Set.of("POST"),
                PathTemplate.parse("/manage/project/{project}/release/{version}/"), Set.of("confirm_delete_version"),
                Set.of()));
        rules.add(rule("api-tokens", RouteClass.SENSITIVE, "/manage/account/token/", "POST"));
        rules.add(rule("verify-project-role", RouteClass.SENSITIVE, "/account/verify-project-role/", "POST"));
        rules.add(accountForm("delete-account", "confirm_password"));
        rules.add(accountForm("change-email", "email", "primary_email_id", "delete_email_id"));
        rules.add(accountForm("change-password", "new_password"));
        rules.add(new RouteRule("upload", RouteClass.API_AUTH, Set.of("POST"), PathTemplate.parse("/legacy/"),
                Set.of(), Set.of("authorization")));
        return rules;
    }

    static RouteRule rule(String name, RouteClass routeClass, String path, String... methods) {
        return new RouteRule(name, routeClass, Set.of(methods), PathTemplate.parse(path), Set.of(), Set.of());
    }

    private static RouteRule accountForm(String name, String... fields) {
        return new RouteRule(name, RouteClass.SENSITIVE, Set.of("POST"), PathTemplate.parse("/manage/account/"),
                Set.of(fields), Set.of());
    }
}
