package io.registryguard.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class PathNormalizerTests {

    @Test
    void normalizeWhenPlainPathThenSegments() {
        assertThat(PathNormalizer.normalize("/manage/account/token/")).containsExactly("manage", "account", "token");
    }

    @Test
    void normalizeWhenRootOrEmptyThenNoSegments() {
        assertThat(PathNormalizer.normalize("/")).isEmpty();
        assertThat(PathNormalizer.normalize("")).isEmpty();
        assertThat(PathNormalizer.normalize(null)).isEmpty();
    }

    @Test
    void normalizeWhenEncodedSlashThenSplitsThere() {
        assertThat(PathNormalizer.normalize("/manage%2Faccount%2ftoken")).containsExactly("manage", "account", "token");
    }

    @Test
    void normalizeWhenEncodedLettersThenDecoded() {
        assertThat(PathNormalizer.normalize("/%6Danage/%61ccount")).containsExactly("manage", "account");
    }

    @Test
    void normalizeWhenNonAsciiThenDecodedAsUtf8() {
        assertThat(PathNormalizer.normalize("/project/caf%C3%A9/")).containsExactly("project", "café");
        assertThat(PathNormalizer.normalize("/project/café/")).containsExactly("project", "café");
    }

    @Test
    void normalizeWhenDoubleEncodedSlashThenSlash() {
        assertThat(PathNormalizer.normalize("/manage%252Faccount")).containsExactly("manage", "account");
    }

    @Test
    void normalizeWhenTripleEncodedThenStillDecoded() {
        assertThat(PathNormalizer.normalize("/manage%25252Faccount")).containsExactly("manage", "account");
    }

    @Test
    void normalizeWhenEncodedPercentFollowedByNonHexThenLiteralPercent() {
        assertThat(PathNormalizer.normalize("/a%25zz/b")).containsExactly("a%zz", "b");
    }

    @Test
    void normalizeWhenEmptySegmentsThenCollapsed() {
        assertThat(PathNormalizer.normalize("//manage///account//")).containsExactly("manage", "account");
    }

    @Test
    void normalizeWhenTrailingSlashMissingThenSameSegments() {
        assertThat(PathNormalizer.normalize("/manage/account"))
                .isEqualTo(PathNormalizer.normalize("/manage/account/"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/manage/./account/.             | manage/account",
        "/manage/x/../account            | manage/account",
        "/manage/x/%2E%2E/account        | manage/account",
        "/manage/x/%2e%2E/account        | manage/account",
        "/manage/account/%2E/token       | manage/account/token",
        "/manage/account/token/..        | manage/account",
        "/../../manage/account           | manage/account",
        "/manage/x/..;/account           | manage/account",
        "/manage/x/%252E%252E/account    | manage/account",
    })
    void normalizeWhenDotSegmentsThenResolved(String raw, String expected) {
        assertThat(String.join("/", PathNormalizer.normalize(raw))).isEqualTo(expected);
    }

    @Test
    void normalizeWhenBackslashRawOrEncodedThenSlash() {
        assertThat(PathNormalizer.normalize("\\manage\\account")).containsExactly("manage", "account");
        assertThat(PathNormalizer.normalize("/manage%5Caccount%5ctoken")).containsExactly("manage", "account", "token");
    }

    @Test
    void normalizeWhenSegmentParametersThenStripped() {
        assertThat(PathNormalizer.normalize("/manage;v=1/account;jsessionid=x/;y/token"))
                .containsExactly("manage", "account", "token");
    }

    @Test
    void normalizeWhenEncodedSemicolonThenStrippedToo() {
        assertThat(PathNormalizer.normalize("/manage/account%3Bx=1/token")).containsExactly("manage", "account", "token");
    }

    @Test
    void normalizeWhenCaseDiffersThenCaseKept() {
        assertThat(PathNormalizer.normalize("/MANAGE/Account/")).containsExactly("MANAGE", "Account");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/manage/%00/account       | NUL",
        "/manage/account%00        | NUL",
        "/manage%2500/account      | NUL",
        "/manage/%0Aaccount        | U+000A",
        "/manage/%09account        | U+0009",
        "/manage/%7F               | U+007F",
        "/manage/%zz/account       | invalid percent-encoding '%zz'",
        "/manage/%4                | truncated percent-encoding '%4'",
        "/manage/%                 | truncated percent-encoding '%'",
        "/manage/%4/x              | invalid percent-encoding '%4/'",
        "/manage/%C3%28            | not valid UTF-8",
        "/manage/%C0%AF            | not valid UTF-8",
        "/manage/%FF               | not valid UTF-8",
        "/manage/%ED%A0%80         | not valid UTF-8",
        "/manage%25C3/             | not valid UTF-8",
        "/manage%2525252Faccount   | percent-encoded more than 3 times",
    })
    void normalizeWhenMalformedThenBadRequestWithReason(String raw, String reason) {
        assertThatThrownBy(() -> PathNormalizer.normalize(raw))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getReason()).startsWith("Malformed request path: ").contains(reason);
                });
    }

    @Test
    void normalizeWhenRawControlCharactersThenBadRequest() {
        for (String raw : new String[] {"/manage\n/account", "/manage\t", "/a\u0000b", "/a\u007fb", "/a\rb"}) {
            assertThatThrownBy(() -> PathNormalizer.normalize(raw))
                    .isInstanceOfSatisfying(ResponseStatusException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
        }
    }
}
