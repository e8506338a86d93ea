package io.registryguard.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientSignalsTests {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private final BrowserHeadersSignal headers = new BrowserHeadersSignal(10);
    private final ScriptedClientSignal scripted = ScriptedClientSignal.withDefaults(25);

    @Test
    void browserHeadersWhenBrowserSendsAllThenNoReason() {
        assertThat(headers.evaluate(browser()).block()).isEmpty();
    }

    @Test
    void browserHeadersWhenFormPostedWithoutAnyThenFourTimesWeight() {
        LoginAttempt bare = browser().withBrowserHeaders(null, null, null, "");

        assertThat(headers.evaluate(bare).block())
                .containsExactly(WeightedReason.of(RiskReason.MISSING_BROWSER_HEADERS, 40));
    }

    @Test
    void browserHeadersWhenOnlyAcceptLanguageMissingThenOneWeight() {
        LoginAttempt noLanguage = browser().withBrowserHeaders("https://pypi.example", "same-origin", "navigate", null);

        assertThat(headers.evaluate(noLanguage).block())
                .containsExactly(WeightedReason.of(RiskReason.MISSING_BROWSER_HEADERS, 10));
    }

    @Test
    void browserHeadersWhenApiLoginWithoutHeadersThenNoReason() {
        LoginAttempt twine = attempt().withChannel(LoginChannel.API).withUserAgent("twine/5.1.1");

        assertThat(headers.evaluate(twine).block()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "curl/8.5.0", "python-requests/2.31.0", "Go-http-client/1.1", "GO-HTTP-CLIENT/2.0",
            "python-httpx/0.27", "" })
    void scriptedWhenLibraryDefaultAgentThenScriptedClientReason(String agent) {
        assertThat(scripted.evaluate(attempt().withUserAgent(agent)).block())
                .containsExactly(WeightedReason.of(RiskReason.SCRIPTED_CLIENT, 25));
    }

    @ParameterizedTest
    @ValueSource(strings = { FIREFOX, "twine/5.1.1 CPython/3.12.3", "pip/24.0 {\"python\":\"3.12\"}",
            "Mozilla/5.0 curl/8.5.0" })
    void scriptedWhenBrowserOrPublishingToolThenNoReason(String agent) {
        assertThat(scripted.evaluate(attempt().withUserAgent(agent)).block()).isEmpty();
    }

    @Test
    void scriptedWhenBlankPrefixConfiguredThenRejectedNamingKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ScriptedClientSignal(List.of("curl/", " "), 5))
                .withMessageContaining("scripted-agents");
    }

    private static LoginAttempt attempt() {
        return LoginAttempt.of(Instant.parse("2024-03-25T10:00:00Z"), "198.51.100.4", "198.51.100.0/24", "alice");
    }

    private static LoginAttempt browser() {
        return attempt().withUserAgent(FIREFOX)
                .withBrowserHeaders("https://pypi.example", "same-origin", "navigate", "en-US,en;q=0.5");
    }
}
