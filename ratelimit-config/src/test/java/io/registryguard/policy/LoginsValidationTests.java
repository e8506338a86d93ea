package io.registryguard.policy;

import static io.registryguard.policy.PolicyLoaderTests.parse;
import static io.registryguard.policy.PolicyLoaderTests.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import io.registryguard.policy.OutcomeRule.Outcome;
import org.junit.jupiter.api.Test;

/** The {@code logins} section: reading, defaults, judging answers, and every problem with its file:line: key. */
class LoginsValidationTests {

    private static final String HEAD = """
            version: test-1
            routes:
              login: {class: login, methods: [POST], path: /account/login/}
              upload: {class: api-auth, methods: [POST], path: /legacy/, headers: [Authorization]}
              invite: {class: sensitive, methods: [POST], path: "/manage/project/{p}/collaboration/"}
            """;

    private static RouteRule route(Policy policy, String name) {
        return policy.route(name).orElseThrow();
    }

    @Test
    void parseWhenLoginsWrittenOutThenEveryFieldRead() {
        Policy policy = parse(HEAD + """
                logins:
                  login:
                    credential: form
                    username-field: user
                    success:
                      status: [302, 303]
                      set-cookie: [session_id, sid]
                      location-not-matching: ^/account/
                      body-contains: [Welcome]
                      body-prefix: 4KiB
                  upload:
                    credential: basic
                    failure:
                      status: [403]
                      body-contains: [Invalid or non-existent authentication]
                """);

        LoginRule login = policy.loginRule(route(policy, "login"));
        assertThat(login.credential()).isEqualTo(LoginRule.Credential.FORM);
        assertThat(login.usernameField()).isEqualTo("user");
        assertThat(login.outcome().describes()).isEqualTo(Outcome.SUCCESS);
        assertThat(login.outcome().statuses()).containsExactlyInAnyOrder(302, 303);
        assertThat(login.outcome().setCookies()).containsExactlyInAnyOrder("session_id", "sid");
        assertThat(login.outcome().locationNotMatching().pattern()).isEqualTo("^/account/");
        assertThat(login.outcome().bodyContains()).containsExactly("Welcome");
        assertThat(login.outcome().bodyPrefixBytes()).isEqualTo(4096);
        LoginRule upload = policy.loginRule(route(policy, "upload"));
        assertThat(upload.credential()).isEqualTo(LoginRule.Credential.BASIC);
        assertThat(upload.usernameField()).isNull();
        assertThat(upload.outcome().describes()).isEqualTo(Outcome.FAILURE);
        assertThat(upload.outcome().needsBody()).isTrue();
    }

    @Test
    void loginRuleWhenRouteHasNoEntryThenWarehouseDefaultOfItsClass() {
        Policy policy = parse(HEAD);
        assertThat(policy.loginRule(route(policy, "login")).outcome()).isEqualTo(OutcomeRule.LOGIN_DEFAULT);
        assertThat(policy.loginRule(route(policy, "login")).usernameField()).isEqualTo("username");
        assertThat(policy.loginRule(route(policy, "upload")).outcome()).isEqualTo(OutcomeRule.UPLOAD_DEFAULT);
        assertThat(policy.loginRule(route(policy, "upload")).credential()).isEqualTo(LoginRule.Credential.BASIC);
    }

    @Test
    void defaultPolicyWhenLoadedThenLoginsMatchTheBuiltInDefaults() {
        Policy policy = PolicyLoader.loadDefault();
        assertThat(policy.logins().keySet()).containsExactlyInAnyOrder("login", "legacy-upload", "pypi-upload");
        assertThat(policy.logins().get("login").outcome()).isEqualTo(OutcomeRule.LOGIN_DEFAULT);
        assertThat(policy.logins().get("legacy-upload").outcome()).isEqualTo(OutcomeRule.UPLOAD_DEFAULT);
    }

    @Test
    void judgeWhenWarehouseLoginAnswersThenSuccessOnlyForSessionRedirectAwayFromLogin() {
        OutcomeRule rule = OutcomeRule.LOGIN_DEFAULT;
        assertThat(rule.judge(303, "/manage/projects/", Set.of("session_id", "user_id__insecure"), null))
                .isEqualTo(Outcome.SUCCESS);
        // Warehouse re-renders the form with 200 on a wrong password, and on its own lockout
        assertThat(rule.judge(200, null, Set.of(), null)).isEqualTo(Outcome.FAILURE);
        assertThat(rule.judge(303, "/manage/projects/", Set.of("other"), null)).isEqualTo(Outcome.FAILURE);
        assertThat(rule.judge(303, "/account/login/?next=x", Set.of("session_id"), null)).isEqualTo(Outcome.FAILURE);
        assertThat(rule.judge(303, null, Set.of("session_id"), null)).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void judgeWhenFailureRuleWithBodyMarkerThenBothMustHold() {
        OutcomeRule rule = new OutcomeRule(Outcome.FAILURE, Set.of(403), Set.of(), null,
                List.of("Invalid or non-existent authentication"), 1024);
        assertThat(rule.judge(403, null, Set.of(), "403 Invalid or non-existent authentication information."))
                .isEqualTo(Outcome.FAILURE);
        // 403 for "not allowed to upload to this project": the credential itself was right
        assertThat(rule.judge(403, null, Set.of(), "The user 'bob' isn't allowed to upload")).isEqualTo(Outcome.SUCCESS);
        assertThat(rule.judge(200, null, Set.of(), "Invalid or non-existent authentication")).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void loadWhenEntryNamesNoRouteOrAWrongClassThenErrors() {
        assertThat(problems(HEAD + """
                logins:
                  logn: {credential: form, username-field: username, success: {status: [303]}}
                  invite: {credential: form, username-field: username, success: {status: [303]}}
                """)).containsExactly(
                "policy.yaml:7: logins.logn: no route named 'logn'; expected the name of a login or api-auth route under routes",
                "policy.yaml:8: logins.invite: route 'invite' is class sensitive; expected a login or api-auth route");
    }

    @Test
    void loadWhenCredentialFieldsWrongThenErrorsNameTheKey() {
        assertThat(problems(HEAD + """
                logins:
                  login:
                    credential: cookie
                    success: {status: [303]}
                  upload:
                    credential: basic
                    username-field: user
                    failure: {status: [403]}
                """)).containsExactly(
                "policy.yaml:8: logins.login.credential: unknown credential 'cookie'; expected form (a form field) or basic (HTTP Basic auth)",
                "policy.yaml:12: logins.upload.username-field: basic credentials carry their own username; expected no username-field");
    }

    @Test
    void loadWhenFormWithoutUsernameFieldThenError() {
        assertThat(problems(HEAD + """
                logins:
                  login: {credential: form, success: {status: [303]}}
                """)).containsExactly("policy.yaml:7: logins.login: credential form needs username-field; expected the"
                + " form field holding the username, like username");
    }

    @Test
    void loadWhenBothOrNeitherOutcomeThenError() {
        assertThat(problems(HEAD + """
                logins:
                  login: {credential: form, username-field: u, success: {status: [303]}, failure: {status: [200]}}
                  upload: {credential: basic}
                """)).containsExactly(
                "policy.yaml:7: logins.login: expected exactly one of success or failure: the conditions of one outcome, the other being everything else",
                "policy.yaml:8: logins.upload: expected exactly one of success or failure: the conditions of one outcome, the other being everything else");
    }

    @Test
    void loadWhenConditionsMalformedThenEachReported() {
        assertThat(problems(HEAD + """
                logins:
                  login:
                    credential: form
                    username-field: username
                    success:
                      status: [3030]
                      location-not-matching: "^/account/(login"
                      statu: [200]
                  upload:
                    credential: basic
                    failure:
                      location-not-matching: ^/x
                      body-prefix: 2MiB
                """)).anySatisfy(p -> assertThat(p).startsWith("policy.yaml:11: logins.login.success.status: '3030' is not an HTTP status"))
                .anySatisfy(p -> assertThat(p).startsWith("policy.yaml:12: logins.login.success.location-not-matching: '^/account/(login' is not a regular expression"))
                .anySatisfy(p -> assertThat(p).startsWith("policy.yaml:13: logins.login.success.statu: unknown key; expected one of: status, set-cookie"))
                .anySatisfy(p -> assertThat(p).isEqualTo("policy.yaml:17: logins.upload.failure.location-not-matching: location-not-matching describes a success (the registry sent the user on); expected it under success"))
                .anySatisfy(p -> assertThat(p).startsWith("policy.yaml:18: logins.upload.failure.body-prefix:"));
    }

    @Test
    void loadWhenOutcomeHasNoConditionsThenError() {
        assertThat(problems(HEAD + """
                logins:
                  login: {credential: form, username-field: u, success: {}}
                """)).containsExactly("policy.yaml:7: logins.login.success: no conditions; expected at least one of"
                + " status, set-cookie, location-not-matching, body-contains");
    }

    @Test
    void refusePasswordsWhenBasicThenDefaultOnAndSwitchable() {
        Policy policy = parse(HEAD + """
                logins:
                  upload: {credential: basic, refuse-passwords: false, failure: {status: [403]}}
                """);
        assertThat(policy.loginRule(route(policy, "upload")).refusePasswords()).isFalse();
        assertThat(parse(HEAD).loginRule(route(parse(HEAD), "upload")).refusePasswords()).isTrue();
        assertThat(PolicyLoader.loadDefault().logins().get("legacy-upload").refusePasswords()).isTrue();
    }

    @Test
    void refusePasswordsWhenFormThenError() {
        assertThat(problems(HEAD + """
                logins:
                  login: {credential: form, username-field: u, refuse-passwords: true, success: {status: [303]}}
                """)).containsExactly("policy.yaml:7: logins.login.refuse-passwords: a login form always takes a"
                + " password; expected refuse-passwords only with credential: basic");
    }

    @Test
    void frozenAccountsWhenListedThenLowerCasedAndEmptyByDefault() {
        assertThat(parse(HEAD + "frozen-accounts: [Mallory, eve]\n").frozenAccounts())
                .containsExactlyInAnyOrder("mallory", "eve");
        assertThat(PolicyLoader.loadDefault().frozenAccounts()).isEmpty();
        assertThat(problems(HEAD + "frozen-accounts: mallory\n")).singleElement().asString()
                .startsWith("policy.yaml:6: frozen-accounts: expected a list like [mallory]");
    }
}
