package io.registryguard.risk;

import io.registryguard.policy.risk.PwnedPasswordsSettings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import io.registryguard.policy.risk.PwnedPasswordsSettings.OnLookupFailure;
import io.registryguard.testsupport.MutableClock;
import reactor.test.StepVerifier;

class PwnedPasswordsClientTests {

    /** SHA-1 of "password". */
    private static final String PASSWORD = "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8";
    /** Same prefix, a suffix only present as a padding row. */
    private static final String PADDED = "5BAA6" + "0000000000000000000000000000000000A";
    private static final String NOT_LISTED = "5BAA6" + "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";
    private static final String RANGE_BODY = """
            003D68EB55068C33ACE09247EE4C639306B:3\r
            0000000000000000000000000000000000A:0\r
            1E4C9B93F3F0682250B6CF8331B7EE68FD8:10437277\r
            011053FD0102E94D6AE2F8B83D76FAF94F6:1""";

    private static final WireMockServer hibp = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    private final MutableClock clock = MutableClock.at("2024-03-25T10:00:00Z");

    @BeforeAll
    static void start() {
        hibp.start();
    }

    @AfterAll
    static void stop() {
        hibp.stop();
    }

    @BeforeEach
    void reset() {
        hibp.resetAll();
        hibp.stubFor(get(urlEqualTo("/range/5BAA6")).willReturn(aResponse().withStatus(200).withBody(RANGE_BODY)));
    }

    @Test
    void isBreachedWhenSuffixListedThenTrueAndOnlyPrefixSentWithPadding() {
        StepVerifier.create(client(OnLookupFailure.ERROR).isBreached(PASSWORD.toLowerCase())).expectNext(true)
                .verifyComplete();

        hibp.verify(1, getRequestedFor(urlEqualTo("/range/5BAA6")).withHeader("Add-Padding", equalTo("true")));
        assertThat(hibp.getAllServeEvents()).allSatisfy(event -> assertThat(event.getRequest().toString())
                .doesNotContain(PASSWORD.substring(5)).doesNotContain(PASSWORD.substring(5).toLowerCase()));
    }

    @Test
    void isBreachedWhenSuffixNotListedThenFalse() {
        StepVerifier.create(client(OnLookupFailure.ERROR).isBreached(NOT_LISTED)).expectNext(false).verifyComplete();
    }

    @Test
    void isBreachedWhenSuffixOnlyInPaddingRowWithCountZeroThenFalse() {
        StepVerifier.create(client(OnLookupFailure.ERROR).isBreached(PADDED)).expectNext(false).verifyComplete();
    }

    @Test
    void isBreachedWhenSamePrefixTwiceWithinTtlThenOneRequestAndAfterTtlAnother() {
        PwnedPasswordsClient client = client(OnLookupFailure.ERROR);

        client.isBreached(PASSWORD).block();
        client.isBreached(NOT_LISTED).block();
        hibp.verify(1, getRequestedFor(urlMatching("/range/.*")));

        clock.advance(Duration.ofHours(6));
        client.isBreached(PASSWORD).block();
        hibp.verify(2, getRequestedFor(urlMatching("/range/.*")));
    }

    @Test
    void isBreachedWhenServerSlowerThanTimeoutAndFailModeErrorThenError() {
        hibp.stubFor(get(urlEqualTo("/range/5BAA6"))
                .willReturn(aResponse().withStatus(200).withBody(RANGE_BODY).withFixedDelay(5000)));

        StepVerifier.create(client(OnLookupFailure.ERROR, Duration.ofMillis(300)).isBreached(PASSWORD))
                .expectError(java.util.concurrent.TimeoutException.class).verify(Duration.ofSeconds(3));
    }

    @Test
    void isBreachedWhenServerSlowerThanTimeoutAndFailOpenThenFalse() {
        hibp.stubFor(get(urlEqualTo("/range/5BAA6"))
                .willReturn(aResponse().withStatus(200).withBody(RANGE_BODY).withFixedDelay(5000)));

        StepVerifier.create(client(OnLookupFailure.NOT_BREACHED, Duration.ofMillis(300)).isBreached(PASSWORD))
                .expectNext(false).expectComplete().verify(Duration.ofSeconds(3));
    }

    @Test
    void isBreachedWhenServerAnswers503AndFailClosedThenTrueAndNothingCached() {
        hibp.stubFor(get(urlEqualTo("/range/5BAA6")).willReturn(aResponse().withStatus(503)));
        PwnedPasswordsClient client = client(OnLookupFailure.BREACHED);

        StepVerifier.create(client.isBreached(NOT_LISTED)).expectNext(true).verifyComplete();
        hibp.stubFor(get(urlEqualTo("/range/5BAA6")).willReturn(aResponse().withStatus(200).withBody(RANGE_BODY)));
        StepVerifier.create(client.isBreached(NOT_LISTED)).expectNext(false).verifyComplete();
    }

    @Test
    void isBreachedWhenServerAnswers500AndFailModeErrorThenError() {
        hibp.stubFor(get(urlEqualTo("/range/5BAA6")).willReturn(aResponse().withStatus(500)));

        StepVerifier.create(client(OnLookupFailure.ERROR).isBreached(PASSWORD)).expectError().verify();
    }

    @Test
    void isBreachedWhenNotAHashThenErrorWithoutRequest() {
        StepVerifier.create(client(OnLookupFailure.NOT_BREACHED).isBreached("password"))
                .expectError(IllegalArgumentException.class).verify();
        hibp.verify(0, getRequestedFor(urlMatching(".*")));
    }

    @Test
    void signalWhenBreachedThenBreachedPasswordReason() {
        BreachedPasswordSignal signal = new BreachedPasswordSignal(client(OnLookupFailure.ERROR), 30);
        LoginAttempt attempt = LoginAttempt.of(clock.instant(), "192.0.2.1", "192.0.2.0/24", "bob");

        assertThat(signal.evaluate(attempt.withPasswordSha1(PASSWORD)).block())
                .containsExactly(WeightedReason.of(RiskReason.BREACHED_PASSWORD, 30));
        assertThat(signal.evaluate(attempt.withPasswordSha1(NOT_LISTED)).block()).isEmpty();
        assertThat(signal.evaluate(attempt).block()).isEmpty();
    }

    /** A generous timeout: the first request also starts the HTTP client. */
    private PwnedPasswordsClient client(OnLookupFailure onFailure) {
        return client(onFailure, Duration.ofSeconds(5));
    }

    private PwnedPasswordsClient client(OnLookupFailure onFailure, Duration timeout) {
        PwnedPasswordsSettings settings = PwnedPasswordsSettings.DEFAULTS
                .withBaseUrl(URI.create("http://127.0.0.1:" + hibp.port()))
                .withTimeout(timeout)
                .withOnFailure(onFailure);
        return new PwnedPasswordsClient(WebClient.builder(), settings, clock);
    }
}
