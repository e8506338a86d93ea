package io.registryguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathTemplateTests {

    private static List<String> segments(String path) {
        String body = path.replaceAll("^/|/$", "");
        return body.isEmpty() ? List.of() : Arrays.asList(body.split("/", -1));
    }

    private static boolean matches(String template, String path) {
        return PathTemplate.parse(template).matches(segments(path), false);
    }

    @Test
    void matchesWhenLiteralPathThenOnlyThatPath() {
        assertThat(matches("/account/login/", "/account/login/")).isTrue();
        assertThat(matches("/account/login/", "/account/logout/")).isFalse();
        assertThat(matches("/account/login/", "/account/")).isFalse();
        assertThat(matches("/account/login/", "/account/login/extra/")).isFalse();
    }

    @Test
    void matchesWhenTrailingSlashDiffersThenStillMatches() {
        assertThat(matches("/account/login/", "/account/login")).isTrue();
        assertThat(matches("/manage/account/totp-provision", "/manage/account/totp-provision/")).isTrue();
    }

    @Test
    void matchesWhenVariableThenAnyOneNonEmptySegment() {
        String template = "/manage/project/{project}/release/{version}/";
        assertThat(matches(template, "/manage/project/requests/release/2.31.0/")).isTrue();
        assertThat(matches(template, "/manage/project/requests/release/")).isFalse();
        assertThat(matches(template, "/manage/project/requests/release/2.31.0/extra/")).isFalse();
        assertThat(PathTemplate.parse(template).matches(List.of("manage", "project", "", "release", "1"), false))
                .isFalse();
    }

    @Test
    void matchesWhenStarThenExactlyOneSegment() {
        String template = "/account/webauthn-authenticate/*";
        assertThat(matches(template, "/account/webauthn-authenticate/options")).isTrue();
        assertThat(matches(template, "/account/webauthn-authenticate/validate")).isTrue();
        assertThat(matches(template, "/account/webauthn-authenticate/")).isFalse();
        assertThat(matches(template, "/account/webauthn-authenticate/a/b")).isFalse();
    }

    @Test
    void matchesWhenDoubleStarThenAnyRestIncludingNothing() {
        String template = "/manage/account/**";
        assertThat(matches(template, "/manage/account/")).isTrue();
        assertThat(matches(template, "/manage/account/token/")).isTrue();
        assertThat(matches(template, "/manage/account/webauthn-provision/delete")).isTrue();
        assertThat(matches(template, "/manage/")).isFalse();
        assertThat(matches(template, "/manage/accounts/")).isFalse();
    }

    @Test
    void matchesWhenRootThenOnlyEmptyPath() {
        assertThat(matches("/", "/")).isTrue();
        assertThat(matches("/", "/simple/")).isFalse();
    }

    @Test
    void matchesWhenCaseDiffersThenOnlyCaseInsensitiveMatches() {
        PathTemplate template = PathTemplate.parse("/manage/project/{project}/delete_project/");
        List<String> upper = List.of("MANAGE", "Project", "Requests", "DELETE_PROJECT");
        assertThat(template.matches(upper, true)).isTrue();
        assertThat(template.matches(upper, false)).isFalse();
    }

    @Test
    void shapeWhenVariablesOrStarsThenSameShape() {
        assertThat(PathTemplate.parse("/manage/project/{project}/release/{version}/").shape(false))
                .isEqualTo("/manage/project/*/release/*")
                .isEqualTo(PathTemplate.parse("/manage/project/*/release/{v}").shape(false));
        assertThat(PathTemplate.parse("/").shape(false)).isEqualTo("/");
        assertThat(PathTemplate.parse("/legacy/**").shape(false)).isEqualTo("/legacy/**");
    }

    @Test
    void shapeWhenCaseInsensitiveThenLowerCase() {
        assertThat(PathTemplate.parse("/Manage/Account/").shape(true)).isEqualTo("/manage/account");
        assertThat(PathTemplate.parse("/Manage/Account/").shape(false)).isEqualTo("/Manage/Account");
    }

    @Test
    void parseWhenEmptyThenErrorShowsExample() {
        assertThatIllegalArgumentException().isThrownBy(() -> PathTemplate.parse(""))
                .withMessage("empty path; expected a path starting with '/', like /account/login/");
        assertThatIllegalArgumentException().isThrownBy(() -> PathTemplate.parse(null))
                .withMessageStartingWith("empty path");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "account/login/ | 'account/login/' does not start with '/'",
            "/account/%6Cogin/ | '/account/%6Cogin/' contains '%'; write the decoded path, the guard normalizes requests before matching",
            "/account/login;x/ | '/account/login;x/' contains ';'; write the decoded path, the guard normalizes requests before matching",
            "/account/login/?next=/ | '/account/login/?next=/' contains '?'; write the decoded path, the guard normalizes requests before matching",
            "/account/login/#top | '/account/login/#top' contains '#'; write the decoded path, the guard normalizes requests before matching",
            "/account//login/ | '/account//login/' has an empty segment ('//')",
            "/account/./login/ | '/account/./login/' has a dot segment '.'",
            "/manage/../account/ | '/manage/../account/' has a dot segment '..'",
            "/manage/**/token/ | '/manage/**/token/': '**' is allowed only as the last segment",
            "/manage/project/{1project}/ | '/manage/project/{1project}/': segment '{1project}' is not a variable like {project}",
            "/manage/project/x{project}/ | '/manage/project/x{project}/': segment 'x{project}' is not a variable like {project}",
            "/manage/acc*/ | '/manage/acc*/': '*' must be a whole segment",
    })
    void parseWhenInvalidThenErrorSaysWhatIsWrong(String text, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> PathTemplate.parse(text)).withMessage(message);
    }

    @Test
    void parseWhenOnlySlashesThenRootOrEmptySegment() {
        assertThat(PathTemplate.parse("/").matches(List.of(), false)).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> PathTemplate.parse("//"))
                .withMessage("'//' has an empty segment ('//')");
    }

    @Test
    void parseWhenBackslashThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> PathTemplate.parse("/account\\login/"))
                .withMessageContaining("contains '\\'");
    }

    @Test
    void equalsWhenSameTextThenEqualAndToStringIsText() {
        assertThat(PathTemplate.parse("/a/{b}/")).isEqualTo(PathTemplate.parse("/a/{b}/"))
                .hasSameHashCodeAs(PathTemplate.parse("/a/{b}/"))
                .isNotEqualTo(PathTemplate.parse("/a/{b}"))
                .hasToString("/a/{b}/");
    }
}
