package io.registryguard.policy;

import static io.registryguard.policy.PolicyLoaderTests.parse;
import static io.registryguard.policy.PolicyLoaderTests.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** {@code logins.<route>.identity-probe}: reading, the shipped Warehouse probe, and every mistake reported. */
class IdentityProbeValidationTests {

    private static final String HEAD = """
            version: test-1
            routes:
              login: {class: login, methods: [POST], path: /account/login/}
              upload: {class: api-auth, methods: [POST], path: /legacy/, headers: [Authorization]}
            logins:
            """;

    private static LoginRule login(Policy policy) {
        return policy.loginRule(policy.route("login").orElseThrow());
    }

    @Test
    void parseWhenPatternProbeThenEveryFieldRead() {
        Policy policy = parse(HEAD + """
                  login:
                    credential: form
                    username-field: username
                    success: {status: [303]}
                    identity-probe:
                      method: GET
                      path: /manage/account/
                      extract: {pattern: 'data-user="([^"]+)"'}
                      timeout: 3s
                """);
        IdentityProbeRule probe = login(policy).identityProbe();
        assertThat(probe.path()).isEqualTo("/manage/account/");
        assertThat(probe.pattern().pattern()).isEqualTo("data-user=\"([^\"]+)\"");
        assertThat(probe.jsonPointer()).isNull();
        assertThat(probe.timeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void parseWhenJsonPointerProbeWithoutMethodOrTimeoutThenDefaults() {
        Policy policy = parse(HEAD + """
                  login:
                    credential: form
                    username-field: username
                    success: {status: [303]}
                    identity-probe: {path: /api/me, extract: {json-pointer: /user/name}}
                """);
        IdentityProbeRule probe = login(policy).identityProbe();
        assertThat(probe.jsonPointer()).isEqualTo("/user/name");
        assertThat(probe.pattern()).isNull();
        assertThat(probe.timeout()).isEqualTo(IdentityProbeRule.DEFAULT_TIMEOUT);
    }

    @Test
    void parseWhenNoProbeThenNone() {
        Policy policy = parse(HEAD + "  login: {credential: form, username-field: username, success: {status: [303]}}\n");
        assertThat(login(policy).identityProbe()).isNull();
    }

    @Test
    void defaultPolicyWhenLoadedThenWarehouseLoginShipsAPatternProbeOnTheAccountPage() {
        IdentityProbeRule probe = PolicyLoader.loadDefault().logins().get("login").identityProbe();
        assertThat(probe).isNotNull();
        assertThat(probe.path()).isEqualTo("/manage/account/");
        var matcher = probe.pattern().matcher("""
                <p class="form-group__help-text">
                  Displayed on your <a href="/user/Alice_1/">public profile</a>. Cannot be changed.""");
        assertThat(matcher.find()).isTrue();
        assertThat(matcher.group(1)).isEqualTo("Alice_1");
    }

    @Test
    void loadWhenProbeMalformedThenEachProblemNamesLineAndKey() {
        assertThat(problems(HEAD + """
                  login:
                    credential: form
                    username-field: username
                    success: {status: [303]}
                    identity-probe:
                      method: POST
                      path: https://evil.example/
                      extract: {pattern: '(a)(b)'}
                      timeout: 1m
                """)).containsExactly(
                "policy.yaml:11: logins.login.identity-probe.method: 'POST' is not allowed; expected GET: a probe must"
                        + " not change anything",
                "policy.yaml:12: logins.login.identity-probe.path: 'https://evil.example/' is not a path on the"
                        + " registry; expected one like /manage/account/",
                "policy.yaml:13: logins.login.identity-probe.extract.pattern: '(a)(b)' has 2 groups; expected exactly"
                        + " one, capturing the account (use (?:...) for the others)",
                "policy.yaml:14: logins.login.identity-probe.timeout: '1m' is too long; expected at most 10s: every"
                        + " login waits for the probe");
    }

    @Test
    void loadWhenExtractHasBothNeitherOrBadValuesThenErrors() {
        assertThat(problems(HEAD + """
                  login:
                    credential: form
                    username-field: username
                    success: {status: [303]}
                    identity-probe: {path: /a, extract: {pattern: '(x)', json-pointer: /x}}
                """)).containsExactly("policy.yaml:10: logins.login.identity-probe.extract: expected exactly one of"
                + " pattern (a regular expression with one group) or json-pointer (like /username)");
        assertThat(problems(HEAD + """
                  login:
                    credential: form
                    username-field: username
                    success: {status: [303]}
                    identity-probe: {path: /a, extract: {json-pointer: username}}
                """)).containsExactly("policy.yaml:10: logins.login.identity-probe.extract.json-pointer: 'username'"
                + " is not a JSON pointer; expected one like /username or /user/name");
        assertThat(problems(HEAD + """
                  login:
                    credential: form
                    username-field: username
                    success: {status: [303]}
                    identity-probe: {path: /a, extract: {pattern: '(unclosed'}}
                """)).singleElement().asString().startsWith("policy.yaml:10: logins.login.identity-probe.extract.pattern:"
                + " '(unclosed' is not a regular expression");
        assertThat(problems(HEAD + """
                  login:
                    credential: form
                    username-field: username
                    success: {status: [303]}
                    identity-probe: {extract: {json-pointer: /u}}
                """)).containsExactly("policy.yaml:10: logins.login.identity-probe: missing required key 'path'");
    }

    @Test
    void loadWhenProbeOnBasicCredentialThenError() {
        assertThat(problems(HEAD + """
                  upload:
                    credential: basic
                    failure: {status: [403]}
                    identity-probe: {path: /a, extract: {json-pointer: /u}}
                """)).containsExactly("policy.yaml:9: logins.upload.identity-probe: an upload carries no session to"
                + " confirm; expected identity-probe only with credential: form");
    }
}
