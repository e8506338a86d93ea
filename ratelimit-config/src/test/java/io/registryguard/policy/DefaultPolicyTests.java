package io.registryguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in Warehouse profile: it loads, and holds exactly the rules the design asks for. */
class DefaultPolicyTests {

    private static final Set<String> POST = Set.of("POST");
    private static final Set<String> GET_POST = Set.of("GET", "POST");

    private final Policy policy = PolicyLoader.loadDefault();

    private static byte[] resource() throws IOException {
        try (InputStream in = DefaultPolicyTests.class.getResourceAsStream("/io/registryguard/policy/policy.yaml")) {
            return in.readAllBytes();
        }
    }

    private static RouteRule rule(String name, RouteClass routeClass, Set<String> methods, String path,
            Set<String> formFields, Set<String> headers) {
        return new RouteRule(name, routeClass, methods, PathTemplate.parse(path), formFields, headers);
    }

    private static RouteRule rule(String name, RouteClass routeClass, Set<String> methods, String path) {
        return rule(name, routeClass, methods, path, Set.of(), Set.of());
    }

    private static RouteRule sensitive(String name, String path, String... formFields) {
        return rule(name, RouteClass.SENSITIVE, POST, path, Set.of(formFields), Set.of());
    }

    @Test
    void loadDefaultWhenCalledThenWarehouseProfileFromTheClasspath() throws IOException {
        assertThat(policy.version()).isEqualTo("warehouse-1");
        assertThat(policy.source()).isEqualTo("classpath:io/registryguard/policy/policy.yaml");
        assertThat(policy.sha256()).isEqualTo(PolicyLoader.sha256(resource()));
        assertThat(policy.normalization().caseInsensitive()).isTrue();
        assertThat(policy.body().formMaxBytes()).isEqualTo(64 * 1024);
    }

    @Test
    void loadDefaultWhenCalledThenEveryWarehouseRuleWithItsClassMethodsAndFields() {
        String project = "/manage/project/{project}";
        List<RouteRule> expected = List.of(
                rule("login", RouteClass.LOGIN, POST, "/account/login/"),
                rule("legacy-upload", RouteClass.API_AUTH, POST, "/legacy/", Set.of(), Set.of("authorization")),
                rule("pypi-upload", RouteClass.API_AUTH, POST, "/pypi", Set.of(), Set.of("authorization")),
                rule("two-factor", RouteClass.SECOND_FACTOR, POST, "/account/two-factor/"),
                rule("recovery-code", RouteClass.SECOND_FACTOR, POST, "/account/recovery-code/"),
                rule("webauthn-authenticate", RouteClass.SECOND_FACTOR, POST, "/account/webauthn-authenticate/*"),
                rule("totp-provision", RouteClass.MFA_ENROLLMENT, GET_POST, "/manage/account/totp-provision"),
                rule("totp-provision-image", RouteClass.MFA_ENROLLMENT, GET_POST,
                        "/manage/account/totp-provision/image"),
                rule("webauthn-provision", RouteClass.MFA_ENROLLMENT, GET_POST, "/manage/account/webauthn-provision"),
                rule("webauthn-provision-action", RouteClass.MFA_ENROLLMENT, GET_POST,
                        "/manage/account/webauthn-provision/*"),
                rule("recovery-codes", RouteClass.MFA_ENROLLMENT, GET_POST, "/manage/account/recovery-codes/*"),
                sensitive("collaboration-invite", project + "/collaboration/"),
                sensitive("collaboration-change", project + "/collaboration/change/"),
                sensitive("collaboration-delete", project + "/collaboration/delete/"),
                sensitive("collaboration-revoke-invite", project + "/collaboration/revoke_invite/"),
                sensitive("collaboration-change-team", project + "/collaboration/change_team/"),
                sensitive("collaboration-delete-team", project + "/collaboration/delete_team/"),
                sensitive("transfer-organization-project", project + "/transfer_organization_project/"),
                sensitive("remove-organization-project", project + "/remove_organization_project/"),
                sensitive("delete-project", project + "/delete_project/"),
                sensitive("delete-project-docs", project + "/delete_project_docs/"),
                sensitive("release-delete", project + "/release/{version}/", "confirm_delete_version"),
                sensitive("release-file-delete", project + "/release/{version}/", "confirm_project_name"),
                sensitive("token-create", "/manage/account/token/"),
                sensitive("verify-project-role", "/account/verify-project-role/"),
                sensitive("account-publishing", "/manage/account/publishing/"),
                sensitive("project-publishing", project + "/settings/publishing/"),
                sensitive("organization-people", "/manage/organization/{organization}/people/**"),
                sensitive("organization-team-members", "/manage/organization/{organization}/team/{team}/members/**"),
                sensitive("verify-organization-role", "/account/verify-organization-role/"),
                sensitive("account-delete", "/manage/account/", "confirm_password"),
                sensitive("email-change", "/manage/account/", "email", "primary_email_id", "delete_email_id"),
                sensitive("password-change", "/manage/account/", "new_password"));

        assertThat(policy.routes()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void loadDefaultWhenCalledThenWarehouseLimitsCountingFailuresAndEmailCodeSends() {
        Limit.OnStoreFailure local = Limit.OnStoreFailure.LOCAL;
        Limit.Counts failures = Limit.Counts.FAILURES;
        List<Limit> expected = List.of(
                new Limit("login-per-ip", Set.of("login", "api-auth"), Limit.Key.IP, failures, rates("10 per 5m"), local),
                new Limit("login-per-subnet", Set.of("login"), Limit.Key.SUBNET, failures, rates("50 per 5m"), local),
                new Limit("login-global", Set.of("login"), Limit.Key.GLOBAL, failures, rates("1000 per 5m"), local),
                new Limit("login-per-user", Set.of("login", "api-auth"), Limit.Key.USERNAME, failures,
                        rates("10 per 5m"), local),
                new Limit("login-per-device", Set.of("login"), Limit.Key.DEVICE, failures, rates("10 per 5m"), local),
                new Limit("second-factor-per-user", Set.of("second-factor"), Limit.Key.USERNAME, failures,
                        rates("5 per 5m", "20 per 1h", "50 per 1d"), local),
                new Limit("second-factor-per-ip", Set.of("second-factor"), Limit.Key.IP, failures,
                        rates("10 per 5m", "50 per 1h"), local),
                new Limit("email-code-per-user", Set.of("email-code"), Limit.Key.USERNAME, Limit.Counts.ATTEMPTS,
                        rates("3 per 6h"), local));

        assertThat(policy.limits()).containsExactlyElementsOf(expected);
        assertThat(policy.subnets()).isEqualTo(new Subnets(24, 56));
    }

    @Test
    void loadDefaultWhenCalledThenSequenceRulesOfThe2023Takeover() {
        SequencePolicy rules = policy.sequenceRules();

        assertThat(rules.ownerRemovalAfterInvite()).isEqualTo(new SequencePolicy.OwnerRemovalAfterInvite(
                Duration.ofHours(24), Duration.ofDays(7), true, SequencePolicy.Action.DENY));
        assertThat(rules.accountDeletionAfterRoleLoss()).isEqualTo(new SequencePolicy.AccountDeletionAfterRoleLoss(
                Duration.ofHours(24), SequencePolicy.Action.DENY));
        assertThat(rules.inviteBurst()).isEqualTo(new SequencePolicy.InviteBurst(3, Duration.ofHours(1),
                SequencePolicy.Action.REQUIRE_STEP_UP));
        assertThat(rules).as("the file and the built-in defaults agree").isEqualTo(SequencePolicy.DEFAULTS);
    }

    private static List<Rate> rates(String... rates) {
        return Arrays.stream(rates).map(Rate::parse).toList();
    }

    @ParameterizedTest
    @CsvSource({
            "login, POST, /account/login/",
            "two-factor, POST, /account/two-factor/",
            "webauthn-authenticate, POST, /account/webauthn-authenticate/options",
            "webauthn-authenticate, POST, /account/webauthn-authenticate/validate",
            "totp-provision-image, GET, /manage/account/totp-provision/image",
            "webauthn-provision-action, POST, /manage/account/webauthn-provision/delete",
            "recovery-codes, POST, /manage/account/recovery-codes/burn",
            "collaboration-invite, POST, /manage/project/requests/collaboration/",
            "collaboration-delete, POST, /Manage/Project/Requests/Collaboration/Delete/",
            "release-delete, POST, /manage/project/requests/release/2.31.0/",
            "delete-project, POST, /MANAGE/PROJECT/REQUESTS/DELETE_PROJECT",
            "verify-project-role, POST, /account/verify-project-role/",
            "legacy-upload, POST, /legacy/",
            "pypi-upload, POST, /pypi",
            "account-publishing, POST, /manage/account/publishing/",
            "project-publishing, POST, /manage/project/requests/settings/publishing/",
            "organization-people, POST, /manage/organization/psf/people/delete/",
            "organization-team-members, POST, /manage/organization/psf/team/infra/members/delete/",
            "verify-organization-role, POST, /account/verify-organization-role/",
    })
    void loadDefaultWhenRealWarehouseRequestThenItsRuleMatches(String name, String method, String path) {
        List<String> segments = Arrays.asList(path.replaceAll("^/|/$", "").split("/"));
        RouteRule rule = policy.routes().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        assertThat(rule.methods()).contains(method);
        assertThat(rule.path().matches(segments, policy.normalization().caseInsensitive())).isTrue();
    }

    @Test
    void loadDefaultWhenPublicRequestThenNoRuleMatches() {
        for (String path : List.of("/simple/requests/", "/project/requests/", "/manage/projects/", "/account/logout/",
                "/manage/project/requests/releases/", "/")) {
            List<String> segments = path.equals("/") ? List.of()
                    : Arrays.asList(path.replaceAll("^/|/$", "").split("/"));
            assertThat(policy.routes()).as(path).noneMatch(r -> r.path().matches(segments, true));
        }
    }

    /** The file is read by operators who tune it: every section and every rule says what it is and why. */
    @Test
    void defaultFileWhenReadThenEverySectionAndRuleHasACommentAbove() throws IOException {
        List<String> lines = new String(resource(), StandardCharsets.UTF_8).lines().toList();
        Pattern key = Pattern.compile("^( {0,2})[a-z][a-z0-9-]*:.*");
        List<String> uncommented = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (key.matcher(lines.get(i)).matches() && (i == 0 || !lines.get(i - 1).strip().startsWith("#"))) {
                uncommented.add((i + 1) + ": " + lines.get(i));
            }
        }
        assertThat(uncommented).isEmpty();
        assertThat(lines.stream().filter(l -> key.matcher(l).matches()).count())
                .isEqualTo(12 + 2 + policy.routes().size() + policy.limits().size() + 2 + 3 + policy.logins().size() + 2 + 4 + 6);
    }
}
