package io.registryguard.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.registryguard.policy.Policy;
import io.registryguard.policy.RouteClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Runs the corpus files through the plain-Java classification and, for every target a real server would
 * accept, through {@link RouteClassificationFilter} as well.
 */
class ClassificationCorpusTests {

    private static final Policy POLICY = WarehousePolicy.policy();
    private static final RouteTable TABLE = RouteTable.compile(POLICY);

    static List<CorpusRequest> sensitiveVariants() {
        return CorpusRequest.load("sensitive-variants.txt", false);
    }

    static List<CorpusRequest> publicLookalikes() {
        return CorpusRequest.load("public-lookalikes.txt", false);
    }

    static List<CorpusRequest> routeClasses() {
        return CorpusRequest.load("route-classes.txt", true);
    }

    static List<CorpusRequest> sensitiveVariantsAcceptedByUri() {
        return sensitiveVariants().stream().filter(CorpusRequest::acceptedByUri).toList();
    }

    static List<CorpusRequest> publicLookalikesAcceptedByUri() {
        return publicLookalikes().stream().filter(CorpusRequest::acceptedByUri).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sensitiveVariants")
    void classifyWhenSensitiveVariantThenSensitive(CorpusRequest request) {
        assertThat(request.classify(TABLE).routeClass()).isEqualTo(RouteClass.SENSITIVE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicLookalikes")
    void classifyWhenPublicLookalikeThenPublic(CorpusRequest request) {
        assertThat(request.classify(TABLE)).isEqualTo(new RouteClassification(RouteClass.PUBLIC, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeClasses")
    void classifyWhenOtherRouteThenExpectedClass(CorpusRequest request) {
        assertThat(request.classify(TABLE).routeClass().id()).isEqualTo(request.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sensitiveVariantsAcceptedByUri")
    void filterWhenSensitiveVariantThenSensitiveAttribute(CorpusRequest request) {
        assertThat(throughFilter(request).routeClass()).isEqualTo(RouteClass.SENSITIVE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicLookalikesAcceptedByUri")
    void filterWhenPublicLookalikeThenPublicAttribute(CorpusRequest request) {
        assertThat(throughFilter(request)).isEqualTo(new RouteClassification(RouteClass.PUBLIC, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeClasses")
    void filterWhenOtherRouteThenExpectedClassAttribute(CorpusRequest request) {
        assertThat(throughFilter(request).routeClass().id()).isEqualTo(request.expected());
    }

    @Test
    void corpusWhenLoadedThenLargeEnoughAndMostlyRunThroughTheFilter() {
        assertThat(sensitiveVariants()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(publicLookalikes()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(sensitiveVariantsAcceptedByUri()).hasSizeGreaterThan(sensitiveVariants().size() - 5);
        assertThat(publicLookalikesAcceptedByUri()).hasSameSizeAs(publicLookalikes());
        assertThat(routeClasses()).allMatch(CorpusRequest::acceptedByUri);
        assertThat(routeClasses()).extracting(CorpusRequest::expected)
                .contains("login", "second-factor", "mfa-enrollment", "api-auth", "public");
    }

    @Test
    void corpusWhenLoadedThenNoLineTwice() {
        List<String> lines = java.util.stream.Stream.of(sensitiveVariants(), publicLookalikes(), routeClasses())
                .flatMap(List::stream).map(r -> r.method() + " " + r.target() + " " + r.contentType() + " "
                        + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8) + " " + r.headers())
                .toList();
        assertThat(lines).doesNotHaveDuplicates();
    }

    private static RouteClassification throughFilter(CorpusRequest request) {
        MockServerWebExchange exchange = request.toExchange();
        AtomicReference<RouteClassification> seen = new AtomicReference<>();
        RouteClassificationFilter filter = new RouteClassificationFilter(() -> POLICY);
        StepVerifier.create(filter.filter(exchange, next -> {
            seen.set(next.getAttribute(RouteClassification.ATTRIBUTE));
            return Mono.empty();
        })).verifyComplete();
        assertThat(seen.get()).isNotNull();
        return seen.get();
    }
}
