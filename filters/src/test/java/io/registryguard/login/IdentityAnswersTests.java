package io.registryguard.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import io.registryguard.policy.IdentityProbeRule;
import io.registryguard.policy.PolicyLoader;
import org.junit.jupiter.api.Test;

/** Reading the account out of the registry's answer to an identity probe, and the cookies the probe carries. */
class IdentityAnswersTests {

    private static final IdentityProbeRule JSON = new IdentityProbeRule("/api/me", null, "/user/name",
            Duration.ofSeconds(2));

    private static IdentityProbeRule pattern(String regex) {
        return new IdentityProbeRule("/manage/account/", Pattern.compile(regex), null, Duration.ofSeconds(2));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void accountWhenWarehouseAccountPageThenTheShippedPatternFindsTheProfileLink() {
        IdentityProbeRule shipped = PolicyLoader.loadDefault().logins().get("login").identityProbe();
        String page = """
                <nav><a href="/account/logout/">Log out</a></nav>
                <span class="form-group__label">Username</span>
                <p class="form-group__text">Alice</p>
                <p class="form-group__help-text">Displayed on your <a href="/user/Alice/">public profile</a>.</p>
                <a href="/user/Alice/">again</a>""";
        assertThat(IdentityAnswers.account(shipped, bytes(page))).contains("Alice");
    }

    @Test
    void accountWhenPatternHasNoMatchOrBlankGroupThenEmpty() {
        assertThat(IdentityAnswers.account(pattern("user=\"([^\"]*)\""), bytes("<p>nothing here</p>"))).isEmpty();
        assertThat(IdentityAnswers.account(pattern("user=\"([^\"]*)\""), bytes("user=\"  \""))).isEmpty();
        assertThat(IdentityAnswers.account(pattern("user=(x)?y"), bytes("user=y"))).isEmpty();
    }

    @Test
    void accountWhenMatchPastTheReadLimitThenEmpty() {
        String page = "a".repeat(IdentityAnswers.MAX_BYTES) + "user=\"alice\"";
        assertThat(IdentityAnswers.account(pattern("user=\"([^\"]+)\""), bytes(page))).isEmpty();
    }

    @Test
    void accountWhenJsonPointerFindsTextThenThatText() {
        assertThat(IdentityAnswers.account(JSON, bytes("{\"user\": {\"name\": \"alice\", \"id\": 7}}")))
                .contains("alice");
    }

    @Test
    void accountWhenJsonAnswerUnusableThenEmpty() {
        assertThat(IdentityAnswers.account(JSON, bytes("{\"user\": {\"name\": 7}}"))).isEmpty();
        assertThat(IdentityAnswers.account(JSON, bytes("{\"user\": {\"name\": null}}"))).isEmpty();
        assertThat(IdentityAnswers.account(JSON, bytes("{\"user\": {}}"))).isEmpty();
        assertThat(IdentityAnswers.account(JSON, bytes("{\"user\": {\"name\": \"\"}}"))).isEmpty();
        assertThat(IdentityAnswers.account(JSON, bytes("<html>login</html>"))).isEmpty();
        assertThat(IdentityAnswers.account(JSON, bytes(""))).isEmpty();
    }

    @Test
    void cookieHeaderWhenLoginSetCookiesThenNameValuePairsWithoutAttributesOrDeletions() {
        assertThat(IdentityProbe.cookieHeader(List.of(
                "session_id=demo-session-alice; Path=/; HttpOnly; Secure; SameSite=Lax",
                "user_id__insecure=alice; Path=/",
                "old=; Max-Age=0; Path=/",
                "gone=x; Path=/; Max-Age=0",
                "broken"))).isEqualTo("session_id=demo-session-alice; user_id__insecure=alice");
        assertThat(IdentityProbe.cookieHeader(List.of())).isEmpty();
    }
}
