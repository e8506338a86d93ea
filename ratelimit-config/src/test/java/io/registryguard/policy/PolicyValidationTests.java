package io.registryguard.policy;

import static io.registryguard.policy.PolicyLoaderTests.parse;
import static io.registryguard.policy.PolicyLoaderTests.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Every validation rule, each asserting the exact file:line: key: message an operator would read. */
class PolicyValidationTests {

    private static final String CLASSES = "sensitive, mfa-enrollment, second-factor, login, api-auth";
    private static final String METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String RULE_KEYS = "class, methods, path, form-fields, headers";

    // --- unknown keys ---------------------------------------------------------------------------------------

    @Test
    void loadWhenRuleKeyMisspelledThenErrorNamesLineKeyAndAllowedKeys() {
        assertThat(problems("""
                version: test-1
                routes:
                  login:
                    class: login
                    metod: [POST]
                    path: /account/login/
                """)).containsExactly(
                "policy.yaml:3: routes.login: missing required key 'methods'",
                "policy.yaml:5: routes.login.metod: unknown key; expected one of: " + RULE_KEYS);
    }

    @Test
    void loadWhenTopLevelKeyUnknownThenErrorListsSections() {
        assertThat(problems("""
                version: test-1
                limts: {}
                routes:
                  login: {class: login, methods: [POST], path: /account/login/}
                """)).containsExactly(
                "policy.yaml:2: limts: unknown key; expected one of: version, paths, body, routes, limits, subnets, logins, frozen-accounts, step-up, sequence-rules, risk, accounts");
    }

    @Test
    void loadWhenSectionKeyUnknownThenErrorListsThatSectionsKeys() {
        assertThat(problems("""
                version: test-1
                paths:
                  case-sensitive: false
                body:
                  max-size: 64KiB
                routes:
                  login: {class: login, methods: [POST], path: /account/login/}
                """)).containsExactly(
                "policy.yaml:3: paths.case-sensitive: unknown key; expected one of: case-insensitive",
                "policy.yaml:5: body.max-size: unknown key; expected one of: form-max-size");
    }

    // --- duplicate keys -------------------------------------------------------------------------------------

    @Test
    void loadWhenRuleKeyDuplicatedThenErrorNamesBothLines() {
        assertThat(problems("""
                version: test-1
                routes:
                  login:
                    class: login
                    methods: [POST]
                    path: /account/login/
                    path: /account/logout/
                """)).containsExactly(
                "policy.yaml:7: routes.login.path: duplicate key; first defined at line 6");
    }

    @Test
    void loadWhenRuleNameDuplicatedThenErrorNamesBothLines() {
        assertThat(problems("""
                version: test-1
                routes:
                  login:
                    class: login
                    methods: [POST]
                    path: /account/login/
                  login:
                    class: sensitive
                    methods: [POST]
                    path: /manage/account/
                """)).containsExactly(
                "policy.yaml:7: routes.login: duplicate key; first defined at line 3");
    }

    @Test
    void loadWhenSectionDuplicatedThenErrorNamesBothLines() {
        assertThat(problems("""
                version: test-1
                routes:
                  login: {class: login, methods: [POST], path: /account/login/}
                version: test-2
                """)).containsExactly(
                "policy.yaml:4: version: duplicate key; first defined at line 1");
    }

    @Test
    void loadWhenKeyIsAListThenErrorSaysKeysMustBeText() {
        assertThat(problems("""
                version: test-1
                routes:
                  ? [login, logout]
                  : {class: login, methods: [POST], path: /account/login/}
                  login: {class: login, methods: [POST], path: /account/login/}
                """)).containsExactly(
                "policy.yaml:3: routes: a key is a list or a mapping; expected text keys");
    }

    // --- wrong types ----------------------------------------------------------------------------------------

    @Test
    void loadWhenTopLevelIsAListThenErrorSaysMappingExpected() {
        assertThat(problems("- version: test-1\n")).containsExactly(
                "policy.yaml:1: expected a mapping with keys version, paths, body, routes, limits, subnets, logins, frozen-accounts, step-up, sequence-rules, risk, accounts, found a list");
    }

    @Test
    void loadWhenRoutesIsAListThenErrorSaysMappingExpected() {
        assertThat(problems("""
                version: test-1
                routes:
                  - login
                """)).containsExactly("policy.yaml:2: routes: expected a mapping, found a list");
    }

    @Test
    void loadWhenRuleIsAListThenErrorShowsRuleKeys() {
        assertThat(problems("""
                version: test-1
                routes:
                  login: [login, POST, /account/login/]
                """)).containsExactly(
                "policy.yaml:3: routes.login: expected a mapping with keys " + RULE_KEYS + ", found a list");
    }

    @Test
    void loadWhenMethodsIsTextThenErrorShowsListForm() {
        assertThat(problems("""
                version: test-1
                routes:
                  login:
                    class: login
                    methods: POST
                    path: /account/login/
                """)).containsExactly(
                "policy.yaml:5: routes.login.methods: expected a list like [POST], found 'POST'");
    }

    @Test
    void loadWhenPathIsAListThenErrorSaysPathExpected() {
        assertThat(problems("""
                version: test-1
                routes:
                  login:
                    class: login
                    methods: [POST]
                    path: [/account/login/]
                """)).containsExactly("policy.yaml:6: routes.login.path: expected a path starting with '/',"
                + " like /account/login/, found a list");
    }

    @Test
    void loadWhenSectionIsTextThenErrorShowsSectionKeys() {
        assertThat(problems("""
                version: test-1
                paths: true
                routes:
                  login: {class: login, methods: [POST], path: /account/login/}
                """)).containsExactly(
                "policy.yaml:2: paths: expected a mapping with keys case-insensitive, found 'true'");
    }

    @Test
    void loadWhenBooleanMisspelledThenErrorSaysTrueOrFalse() {
        assertThat(problems("""
                version: test-1
                paths:
                  case-insensitive: yes please
                routes:
                  login: {class: login, methods: [POST], path: /account/login/}
                """)).containsExactly("policy.yaml:3: paths.case-insensitive: 'yes please' is not a boolean;"
                + " expected true or false");
    }

    @Test
    void loadWhenVersionIsAMappingThenErrorShowsExample() {
        assertThat(problems("""
                version: {name: test}
                routes:
                  login: {class: login, methods: [POST], path: /account/login/}
                """)).containsExactly(
                "policy.yaml:1: version: expected a label like warehouse-1, found a mapping");
    }

    // --- missing keys ---------------------------------------------------------------------------------------

    @Test
    void loadWhenVersionAndRoutesMissingThenBothReported() {
        assertThat(problems("""
                paths:
                  case-insensitive: true
                """)).containsExactly(
                "policy.yaml:1: missing required key 'version'",
                "policy.yaml:1: missing required key 'routes'");
    }

    @Test
    void loadWhenRuleMissesClassMethodsAndPathThenEachReportedAtTheRule() {
        assertThat(problems("""
                version: test-1
                routes:
                  login:
                    form-fields: [username]
                """)).containsExactly(
                "policy.yaml:3: routes.login: missing required key 'class'",
                "policy.yaml:3: routes.login: missing required key 'methods'",
                "policy.yaml:3: routes.login: missing required key 'path'");
    }

    @Test
    void loadWhenVersionEmptyThenErrorShowsExample() {
        assertThat(problems("""
                version:
                routes:
                  login: {class: login, methods: [POST], path: /account/login/}
                """)).containsExactly("policy.yaml:1: version: empty value; expected a label like warehouse-1");
    }

    // --- class ----------------------------------------------------------------------------------------------

    @Test
    void loadWhenClassUnknownThenErrorListsValidClasses() {
        assertThat(problems("""
                version: test-1
                routes:
                  login:
                    class: logn
                    methods: [POST]
                    path: /account/login/
                """)).containsExactly(
                "policy.yaml:4: routes.login.class: unknown class 'logn'; expected one of: " + CLASSES);
    }

    @Test
    void loadWhenClassPublicThenRejectedBecauseItIsTheDefault() {
        assertThat(problems("""
                version: test-1
                routes:
                  index:
                    class: public
                    methods: [GET]
                    path: /
                """)).containsExactly("policy.yaml:4: routes.index.class: class 'public' is the default for every"
                + " request no rule matches; remove the rule, or use one of: " + CLASSES);
    }

    @Test
    void loadWhenClassEmptyThenErrorListsValidClasses() {
        assertThat(problems("""
                version: test-1
                routes:
                  login:
                    class:
                    methods: [POST]
                    path: /account/login/
                """)).containsExactly(
                "policy.yaml:4: routes.login.class: empty value; expected one of: " + CLASSES);
    }

    // --- methods --------------------------------------------------------------------------------------------

    @Test
    void loadWhenMethodUnknownThenErrorNamesItAndListsValidMethods() {
        assertThat(problems("""
                version: test-1
                routes:
                  login:
                    class: login
                    methods: [POST, FETCH]
                    path: /account/login/
                """)).containsExactly("policy.yaml:5: routes.login.methods: unknown method 'FETCH';"
                + " expected one of: " + METHODS);
    }

    @Test
    void loadWhenMethodsOnSeveralLinesThenErrorHasTheBadItemsLine() {
        assertThat(problems("""
                version: test-1
                routes:
                  login:
                    class: login
                    methods:
                      - POST
                      - ""
                    path: /account/login/
                """)).containsExactly("policy.yaml:7: routes.login.methods: empty value; expected an HTTP method");
    }

    @Test
    void loadWhenMethodsEmptyThenErrorListsValidMethods() {
        assertThat(problems("""
                version: test-1
                routes:
                  login:
                    class: login
                    methods: []
                    path: /account/login/
                """)).containsExactly(
                "policy.yaml:5: routes.login.methods: no methods; expected at least one of: " + METHODS);
    }

    // --- path -----------------------------------------------------------------------------------------------

    @Test
    void loadWhenPathEmptyThenErrorShowsExample() {
        assertThat(problems("""
                version: test-1
                routes:
                  login:
                    class: login
                    methods: [POST]
                    path:
                """)).containsExactly("policy.yaml:6: routes.login.path: empty value;"
                + " expected a path starting with '/', like /account/login/");
    }

    @Test
    void loadWhenPathInvalidThenPathTemplateMessageUnderTheKey() {
        assertThat(problems("""
                version: test-1
                routes:
                  login:
                    class: login
                    methods: [POST]
                    path: account/login/
                  token:
                    class: sensitive
                    methods: [POST]
                    path: /manage/account/%74oken/
                """)).containsExactly(
                "policy.yaml:6: routes.login.path: 'account/login/' does not start with '/'",
                "policy.yaml:10: routes.token.path: '/manage/account/%74oken/' contains '%';"
                        + " write the decoded path, the guard normalizes requests before matching");
    }

    // --- form-fields and headers ----------------------------------------------------------------------------

    @Test
    void loadWhenFormFieldNameEmptyThenError() {
        assertThat(problems("""
                version: test-1
                routes:
                  account-delete:
                    class: sensitive
                    methods: [POST]
                    path: /manage/account/
                    form-fields: [confirm_password, " "]
                """)).containsExactly(
                "policy.yaml:7: routes.account-delete.form-fields: empty value; expected a form field name");
    }

    @Test
    void loadWhenFormFieldsNotAListThenErrorShowsListForm() {
        assertThat(problems("""
                version: test-1
                routes:
                  account-delete:
                    class: sensitive
                    methods: [POST]
                    path: /manage/account/
                    form-fields: confirm_password
                """)).containsExactly("policy.yaml:7: routes.account-delete.form-fields: expected a list like"
                + " [confirm_password], found 'confirm_password'");
    }

    @Test
    void loadWhenHeaderNameEmptyOrInvalidThenError() {
        assertThat(problems("""
                version: test-1
                routes:
                  legacy-upload:
                    class: api-auth
                    methods: [POST]
                    path: /legacy/
                    headers: ["", "X Token"]
                """)).containsExactly(
                "policy.yaml:7: routes.legacy-upload.headers: empty value; expected a header name",
                "policy.yaml:7: routes.legacy-upload.headers: 'X Token' is not a header name;"
                        + " expected a name like Authorization");
    }

    // --- names and the routes section -----------------------------------------------------------------------

    @Test
    void loadWhenRuleNameNotLowerCaseKebabThenError() {
        assertThat(problems("""
                version: test-1
                routes:
                  Login:
                    class: login
                    methods: [POST]
                    path: /account/login/
                  -token:
                    class: sensitive
                    methods: [POST]
                    path: /manage/account/token/
                  delete_project:
                    class: sensitive
                    methods: [POST]
                    path: /manage/project/{project}/delete_project/
                """)).containsExactly(
                "policy.yaml:3: routes.Login: invalid rule name; expected lower-case letters, digits and '-',"
                        + " starting with a letter or digit",
                "policy.yaml:7: routes.-token: invalid rule name; expected lower-case letters, digits and '-',"
                        + " starting with a letter or digit",
                "policy.yaml:11: routes.delete_project: invalid rule name; expected lower-case letters, digits"
                        + " and '-', starting with a letter or digit");
    }

    @Test
    void loadWhenRoutesEmptyThenErrorSaysAtLeastOneRule() {
        assertThat(problems("""
                version: test-1
                routes: {}
                """)).containsExactly("policy.yaml:2: routes: no rules; expected at least one rule"
                + " (requests no rule matches are public)");
    }

    @Test
    void loadWhenRoutesHasNoValueThenErrorSaysMappingExpected() {
        assertThat(problems("""
                version: test-1
                routes:
                """)).containsExactly("policy.yaml:2: routes: expected a mapping, found nothing");
    }

    // --- body -----------------------------------------------------------------------------------------------

    @Test
    void loadWhenFormMaxSizeMalformedThenErrorShowsAcceptedForms() {
        assertThat(problems("""
                version: test-1
                body:
                  form-max-size: 64KB
                routes:
                  login: {class: login, methods: [POST], path: /account/login/}
                """)).containsExactly("policy.yaml:3: body.form-max-size: '64KB' is not a size; expected a size"
                + " like 64KiB, 1MiB or a number of bytes, between 1KiB and 16MiB");
    }

    @Test
    void loadWhenFormMaxSizeOutOfRangeThenErrorShowsRange() {
        assertThat(problems("""
                version: test-1
                body:
                  form-max-size: 32MiB
                routes:
                  login: {class: login, methods: [POST], path: /account/login/}
                """)).containsExactly(
                "policy.yaml:3: body.form-max-size: '32MiB' is out of range; expected between 1KiB and 16MiB");
        assertThat(problems("""
                version: test-1
                body: {form-max-size: 512}
                routes:
                  login: {class: login, methods: [POST], path: /account/login/}
                """)).containsExactly(
                "policy.yaml:2: body.form-max-size: '512' is out of range; expected between 1KiB and 16MiB");
    }

    // --- rules that match the same requests -----------------------------------------------------------------

    @Test
    void loadWhenTwoRulesMatchTheSameRequestsThenErrorNamesBothRulesAndLines() {
        assertThat(problems("""
                version: test-1
                routes:
                  token-create:
                    class: sensitive
                    methods: [POST]
                    path: /manage/account/token/
                  api-token:
                    class: sensitive
                    methods: [GET, POST]
                    path: /manage/account/token
                """)).containsExactly("policy.yaml:7: routes.api-token: matches the same requests as"
                + " routes.token-create (line 3): POST /manage/account/token with the same form-fields and headers;"
                + " remove one, or make them differ by methods, path, form-fields or headers");
    }

    @Test
    void loadWhenPathsDifferOnlyByVariableNameOrStarThenConflict() {
        assertThat(problems("""
                version: test-1
                routes:
                  delete-project:
                    class: sensitive
                    methods: [POST]
                    path: /manage/project/{project}/delete_project/
                  delete-any:
                    class: login
                    methods: [POST]
                    path: /manage/project/*/delete_project/
                """)).singleElement().asString().startsWith("policy.yaml:7: routes.delete-any: matches the same"
                + " requests as routes.delete-project (line 3): POST /manage/project/*/delete_project ");
    }

    @Test
    void loadWhenPathsDifferOnlyByCaseThenConflictOnlyIfCaseInsensitive() {
        String rules = """
                routes:
                  login:
                    class: login
                    methods: [POST]
                    path: /account/login/
                  login-upper:
                    class: login
                    methods: [POST]
                    path: /Account/Login/
                """;
        assertThat(problems("version: test-1\n" + rules)).singleElement().asString()
                .startsWith("policy.yaml:7: routes.login-upper: matches the same requests as routes.login (line 3)");
        assertThat(parse("version: test-1\npaths: {case-insensitive: false}\n" + rules).routes()).hasSize(2);
    }

    @Test
    void loadWhenHeadersDifferOnlyByCaseThenConflict() {
        assertThat(problems("""
                version: test-1
                routes:
                  upload:
                    class: api-auth
                    methods: [POST]
                    path: /legacy/
                    headers: [Authorization]
                  upload-again:
                    class: api-auth
                    methods: [post]
                    path: /legacy/
                    headers: [AUTHORIZATION]
                """)).singleElement().asString()
                .startsWith("policy.yaml:8: routes.upload-again: matches the same requests as routes.upload (line 3)");
    }

    @Test
    void loadWhenSamePathButDisjointMethodsOrDifferentFieldsThenNoConflict() {
        Policy policy = parse("""
                version: test-1
                routes:
                  provision-page:
                    class: mfa-enrollment
                    methods: [GET]
                    path: /manage/account/totp-provision
                  provision-submit:
                    class: mfa-enrollment
                    methods: [POST]
                    path: /manage/account/totp-provision
                  account-delete:
                    class: sensitive
                    methods: [POST]
                    path: /manage/account/
                    form-fields: [confirm_password]
                  password-change:
                    class: sensitive
                    methods: [POST]
                    path: /manage/account/
                    form-fields: [new_password]
                  account-page:
                    class: sensitive
                    methods: [POST]
                    path: /manage/account/
                  everything-below:
                    class: sensitive
                    methods: [POST]
                    path: /manage/account/**
                """);
        assertThat(policy.routes()).hasSize(6);
    }

    // --- all at once ----------------------------------------------------------------------------------------

    @Test
    void loadWhenSeveralMistakesThenAllReportedInLineOrder() {
        PolicyException e = catchThrowableOfType(PolicyException.class, () -> PolicyLoader.parse("/etc/guard/policy.yaml", """
                version: test-1
                paths:
                  case-insensitive: maybe
                body:
                  form-max-size: 64kb
                routes:
                  login:
                    class: logn
                    methods: [POST, GRAB]
                    path: /account//login/
                    metod: [POST]
                  two-factor:
                    class: second-factor
                    methods: [POST]
                    path: /account/two-factor/
                  two-factor-again:
                    class: second-factor
                    methods: [POST]
                    path: /account/two-factor
                """.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.problems()).extracting(PolicyException.Problem::line).containsExactly(3, 5, 8, 9, 10, 11, 16);
        assertThat(e.problems()).extracting(PolicyException.Problem::key).containsExactly(
                "paths.case-insensitive", "body.form-max-size", "routes.login.class", "routes.login.methods",
                "routes.login.path", "routes.login.metod", "routes.two-factor-again");
        assertThat(e.getMessage().lines()).hasSize(7).allMatch(line -> line.startsWith("/etc/guard/policy.yaml:"));
        assertThat(e.getMessage()).contains(
                "/etc/guard/policy.yaml:11: routes.login.metod: unknown key; expected one of: " + RULE_KEYS);
    }
}
