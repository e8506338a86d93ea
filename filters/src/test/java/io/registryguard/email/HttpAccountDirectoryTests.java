package io.registryguard.email;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Optional;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

class HttpAccountDirectoryTests {

    private static final WireMockServer registry = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    private HttpAccountDirectory directory;

    @BeforeAll
    static void start() {
        registry.start();
    }

    @AfterAll
    static void stop() {
        registry.stop();
    }

    @BeforeEach
    void reset() {
        registry.resetAll();
        directory = directory("/email", Duration.ofSeconds(5));
    }

    private HttpAccountDirectory directory(String pointer, Duration timeout) {
        return new HttpAccountDirectory(WebClient.create(),
                "http://127.0.0.1:" + registry.port() + "/_internal/users/{username}", pointer, timeout);
    }

    private static void answer(String path, String json) {
        registry.stubFor(get(urlEqualTo(path)).willReturn(okJson(json)));
    }

    private void assertTryLater(String account, String messagePart) {
        StepVerifier.create(directory.email(account))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(AccountDirectoryException.class)
                        .hasMessageContaining(messagePart).hasMessageNotContaining("@"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void emailWhenFoundThenAddress() {
        answer("/_internal/users/alice", "{\"username\":\"alice\",\"email\":\"alice@example.test\"}");

        StepVerifier.create(directory.email("alice")).expectNext(Optional.of("alice@example.test")).verifyComplete();
        registry.verify(getRequestedFor(urlEqualTo("/_internal/users/alice"))
                .withHeader("Accept", containing("application/json")));
    }

    @Test
    void emailWhenNestedPointerThenAddressFromThere() {
        directory = directory("/account/emails/0/address", Duration.ofSeconds(5));
        answer("/_internal/users/alice", "{\"account\":{\"emails\":[{\"address\":\"a@example.test\"}]}}");

        StepVerifier.create(directory.email("alice")).expectNext(Optional.of("a@example.test")).verifyComplete();
    }

    @Test
    void emailWhenNotFoundThenEmpty() {
        registry.stubFor(get(urlEqualTo("/_internal/users/nobody")).willReturn(aResponse().withStatus(404)));

        StepVerifier.create(directory.email("nobody")).expectNext(Optional.empty()).verifyComplete();
    }

    @Test
    void emailWhenAddressNullOrEmptyThenEmpty() {
        answer("/_internal/users/alice", "{\"email\":null}");
        answer("/_internal/users/bob", "{\"email\":\"\"}");

        StepVerifier.create(directory.email("alice")).expectNext(Optional.empty()).verifyComplete();
        StepVerifier.create(directory.email("bob")).expectNext(Optional.empty()).verifyComplete();
    }

    @Test
    void emailWhenServerErrorThenTryLater() {
        registry.stubFor(get(urlEqualTo("/_internal/users/alice")).willReturn(aResponse().withStatus(500)));

        assertTryLater("alice", "500");
    }

    @Test
    void emailWhenNoAnswerInTimeThenTryLaterWithoutWaitingForIt() {
        directory = directory("/email", Duration.ofMillis(200));
        registry.stubFor(get(urlEqualTo("/_internal/users/alice"))
                .willReturn(okJson("{\"email\":\"alice@example.test\"}").withFixedDelay(2_000)));

        long start = System.nanoTime();
        assertTryLater("alice", "no answer within PT0.2S");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void emailWhenRegistryUnreachableThenTryLater() {
        directory = new HttpAccountDirectory(WebClient.create(), "http://127.0.0.1:1/users/{username}", "/email",
                Duration.ofSeconds(5));

        assertTryLater("alice", "alice");
    }

    @Test
    void emailWhenMalformedJsonThenTryLater() {
        answer("/_internal/users/alice", "{\"email\": \"alice@example.te");

        assertTryLater("alice", "not JSON");
    }

    @Test
    void emailWhenNothingAtPointerThenTryLaterNamingThePointer() {
        answer("/_internal/users/alice", "{\"mail\":\"alice@example.test\"}");

        assertTryLater("alice", "nothing at /email");
    }

    @Test
    void emailWhenValueIsNotAnAddressThenTryLater() {
        answer("/_internal/users/alice", "{\"email\":\"alice@example.test\\r\\nBcc: evil@example.test\"}");
        answer("/_internal/users/bob", "{\"email\":{\"primary\":\"bob@example.test\"}}");

        assertTryLater("alice", "no usable address");
        assertTryLater("bob", "no usable address");
    }

    @Test
    void emailWhenUsernameHasSlashAndPercentThenOneEncodedSegment() {
        answer("/_internal/users/a%2Fb%25c%3F%20d", "{\"email\":\"odd@example.test\"}");

        StepVerifier.create(directory.email("a/b%c? d")).expectNext(Optional.of("odd@example.test")).verifyComplete();
        registry.verify(1, getRequestedFor(urlEqualTo("/_internal/users/a%2Fb%25c%3F%20d")));
    }

    @Test
    void emailWhenUsernameIsDotSegmentThenEmptyWithoutAsking() {
        StepVerifier.create(directory.email("..")).expectNext(Optional.empty()).verifyComplete();
        StepVerifier.create(directory.email("")).expectNext(Optional.empty()).verifyComplete();

        assertThat(registry.getAllServeEvents()).isEmpty();
    }

    @Test
    void constructWhenTemplateOrPointerBadThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpAccountDirectory(WebClient.create(),
                "http://registry/users/", "/email", Duration.ofSeconds(1))).withMessageContaining("{username}");
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpAccountDirectory(WebClient.create(),
                "/users/{username}", "/email", Duration.ofSeconds(1))).withMessageContaining("absolute");
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpAccountDirectory(WebClient.create(),
                "http://registry/users/{username}", "email", Duration.ofSeconds(1))).withMessageContaining("pointer");
    }
}
