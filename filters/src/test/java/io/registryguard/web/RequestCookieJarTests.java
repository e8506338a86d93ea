package io.registryguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestCookieJarTests {

    private static RequestCookieJar read(String... headers) {
        return RequestCookieJar.read(List.of(headers));
    }

    @ParameterizedTest
    @ValueSource(strings = {"session_id=v", " session_id=v", "session_id =v", "session_id= v", "session_id = v ",
        "session_id=\"v\"", "\tsession_id\t=\tv\t", "session_id=v;", ";;session_id=v", "other=1; session_id =v",
        "other=1, session_id=v", "Session_ID=v", "SESSION_ID = \"v\"", "session%5Fid=v", "\"session_id\"=v",
        "\u00a0session_id\u00a0=v", "\u017Fession_id=v"})
    void namedWhenSpelledAsALenientServerHonoursItThenFoundWithItsValue(String header) {
        var found = read(header).named("session_id");

        assertThat(found).hasSize(1);
        assertThat(found.get(0).value()).isEqualTo("v");
    }

    @ParameterizedTest
    @ValueSource(strings = {"session_idx=v", "xsession_id=v", "session-id=v", "session_i d=v", "a=session_id",
        "x=session_id=v"})
    void namedWhenAnotherCookieThenNotFound(String header) {
        assertThat(read(header).named("session_id")).isEmpty();
    }

    @Test
    void readWhenManyHeadersAndSeparatorsThenEveryPairInOrder() {
        var jar = read("a=1; b=2", "c=3, d=4;e=5");

        assertThat(jar.all()).containsExactly(new RequestCookie("a", "1"), new RequestCookie("b", "2"),
                new RequestCookie("c", "3"), new RequestCookie("d", "4"), new RequestCookie("e", "5"));
    }

    @Test
    void readWhenEmptyValuesAndBareNamesThenNamesWithEmptyValues() {
        var jar = read("a=; b; =c; d=\"\"; ;  ; e==f");

        assertThat(jar.all()).containsExactly(new RequestCookie("a", ""), new RequestCookie("b", ""),
                new RequestCookie("", "c"), new RequestCookie("d", ""), new RequestCookie("e", "=f"));
    }

    @Test
    void readWhenNoHeaderOrOnlySeparatorsThenEmpty() {
        assertThat(RequestCookieJar.read(List.of())).isSameAs(RequestCookieJar.EMPTY);
        assertThat(RequestCookieJar.read(null).isEmpty()).isTrue();
        assertThat(read(" ; , ;", "").isEmpty()).isTrue();
    }

    @Test
    void namedWhenDuplicatesThenEverySpellingCounted() {
        var jar = read("session_id =victim; session_id=own; __Host-guard-session=g");

        assertThat(jar.values("session_id")).containsExactly("victim", "own");
        assertThat(jar.single("session_id")).isEmpty();
        assertThat(jar.single("__Host-guard-session")).contains("g");
        assertThat(read("session_id=a", "SESSION_ID=a").named("session_id")).hasSize(2);
    }

    @Test
    void headerWhenSpelledThenCanonical() {
        assertThat(read(" a = b ;c=\"d\"", "e=f").header()).isEqualTo("a=b; c=d; e=f");
        assertThat(read("a=b").header(c -> c.isNamed("A"))).isEmpty();
    }

    @Test
    void headerWhenACookieCouldHideAnotherThenItIsNotForwarded() {
        // each of these lets WebOb or Python's http.cookies find "session_id=victim" inside one segment
        var jar = read("a=x session_id=victim; b=x\"session_id=victim; c=[session_id=victim; d=x]; e=\u00e9; "
                + "f=x\\y; g h=1; keep=yes; =nameless; bare");

        // a bare name is read (and forwarded) as that name with an empty value
        assertThat(jar.header()).isEqualTo("keep=yes; bare=");
        assertThat(jar.named("session_id")).isEmpty();
    }

    @Test
    void headerWhenGarbageThenNothingForwardedAndNothingThrown() {
        var jar = read("\u0000\u0001=\u0002; ===; \"; \"\"=\"\"; ;=;=");

        assertThat(jar.header()).isEmpty();
        assertThat(jar.named("session_id")).isEmpty();
        // broken percent-encoding is a name like any other
        assertThat(read("%zz=%; %5=1; session_id%=2").header()).isEqualTo("%zz=%; %5=1; session_id%=2");
        assertThat(read("%zz=%; %5=1; session_id%=2").named("session_id")).isEmpty();
    }

    @Test
    void toStringWhenPrintedThenNoValue() {
        assertThat(read("session_id=secret-value").toString()).contains("session_id").doesNotContain("secret-value");
    }
}
