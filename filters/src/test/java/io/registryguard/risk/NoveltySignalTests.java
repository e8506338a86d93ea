package io.registryguard.risk;

import io.registryguard.policy.risk.NoveltySettings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class NoveltySignalTests {

    private static final Instant T0 = Instant.parse("2024-03-25T10:00:00Z");
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

    private final NoveltySignal signal = new NoveltySignal(
            new InMemoryAccountHistory(NoveltySettings.DEFAULTS, 100), NoveltySettings.DEFAULTS);

    @Test
    void evaluateWhenAccountNeverSeenThenNoReason() {
        assertThat(signal.evaluate(attempt("203.0.113.0/24", "curl/8.5.0", T0)).block()).isEmpty();
    }

    @Test
    void evaluateWhenSameSubnetAndNewerFirefoxThenNoReason() {
        signal.outcome(attempt("198.51.100.0/24", FIREFOX, T0), false).block();

        LoginAttempt again = attempt("198.51.100.0/24", FIREFOX.replace("128.0", "131.0"), T0.plusSeconds(3600));
        assertThat(signal.evaluate(again).block()).isEmpty();
    }

    @Test
    void evaluateWhenNewSubnetAndNewClientFamilyThenBothNoveltyReasons() {
        signal.outcome(attempt("198.51.100.0/24", FIREFOX, T0), false).block();

        assertThat(signal.evaluate(attempt("203.0.113.0/24", "python-requests/2.31", T0.plusSeconds(60))).block())
                .containsExactly(WeightedReason.of(RiskReason.NOVEL_ADDRESS, 15),
                        WeightedReason.of(RiskReason.NOVEL_USER_AGENT, 10));
    }

    @Test
    void evaluateWhenLastLoginHalfAYearAgoThenDormantReason() {
        signal.outcome(attempt("198.51.100.0/24", FIREFOX, T0), false).block();

        assertThat(signal.evaluate(attempt("198.51.100.0/24", FIREFOX, T0.plus(Duration.ofDays(180)))).block())
                .containsExactly(WeightedReason.of(RiskReason.DORMANT_ACCOUNT, 20));
    }

    @Test
    void outcomeWhenFailedThenSubnetNotRemembered() {
        signal.outcome(attempt("198.51.100.0/24", FIREFOX, T0), false).block();
        signal.outcome(attempt("203.0.113.0/24", FIREFOX, T0.plusSeconds(1)), true).block();

        assertThat(signal.evaluate(attempt("203.0.113.0/24", FIREFOX, T0.plusSeconds(2))).block())
                .containsExactly(WeightedReason.of(RiskReason.NOVEL_ADDRESS, 15));
    }

    @Test
    void userAgentFamilyWhenCommonClientsThenFamilyWithoutVersion() {
        assertThat(UserAgentFamily.of(FIREFOX)).isEqualTo("firefox");
        assertThat(UserAgentFamily.of(CHROME)).isEqualTo("chrome");
        assertThat(UserAgentFamily.of(CHROME + " Edg/126.0")).isEqualTo("edg");
        assertThat(UserAgentFamily.of("pip/24.0 {\"python\":\"3.12\"}")).isEqualTo("pip");
        assertThat(UserAgentFamily.of("twine/5.1.1 CPython/3.12")).isEqualTo("twine");
        assertThat(UserAgentFamily.of("")).isEqualTo("none");
    }

    private static LoginAttempt attempt(String subnet, String agent, Instant time) {
        return LoginAttempt.of(time, subnet.replace("0/24", "7"), subnet, "Alice").withUserAgent(agent);
    }
}
