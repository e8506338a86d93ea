package io.registryguard.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.registryguard.audit.Auditor;
import io.registryguard.policy.Policy;
import io.registryguard.policy.RouteClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Runs the corpus files through the plain-Java classification and, for every target a real server would
 * accept, through {@link RouteClassificationFilter} as well.
 */
class ClassificationCorpusTests {

    private static final Policy POLICY = WarehousePolicy.policy();
    private static final RouteClassification REFUSED = new RouteClassification(RouteClass.PUBLIC, "refused with 400");

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
    @MethodSource("sensitiveVariantsAcceptedByUri")
    void filterWhenSensitiveVariantThenSensitiveOrRefused(CorpusRequest request) {
        // one reading: a variant the strict reader cannot read is refused (400), never passed as public
        RouteClassification seen = throughFilter(request);
        assertThat(seen == REFUSED || seen.routeClass() == RouteClass.SENSITIVE).as("%s", seen).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicLookalikesAcceptedByUri")
    void filterWhenPublicLookalikeThenPublicAttribute(CorpusRequest request) {
        assertThat(throughFilter(request)).isEqualTo(new RouteClassification(RouteClass.PUBLIC, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeClasses")
    void filterWhenOtherRouteThenExpectedClassAttribute(CorpusRequest request) {
        RouteClassification seen = throughFilter(request);
        assertThat(seen == REFUSED ? "refused" : seen.routeClass().id()).isEqualTo(request.expected());
    }

    @Test
    void corpusWhenLoadedThenLargeEnoughAndMostlyRunThroughTheFilter() {
        assertThat(sensitiveVariants()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(publicLookalikes()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(sensitiveVariantsAcceptedByUri()).hasSizeGreaterThan(sensitiveVariants().size() - 5);
        assertThat(sensitiveVariantsAcceptedByUri().stream().filter(r -> throughFilter(r) == REFUSED))
                .as("most variants are read and classified, not merely refused").hasSizeLessThan(30);
        assertThat(publicLookalikesAcceptedByUri()).hasSameSizeAs(publicLookalikes());
        assertThat(routeClasses()).allMatch(CorpusRequest::acceptedByUri);
        assertThat(routeClasses()).extracting(CorpusRequest::expected)
                .contains("login", "second-factor", "mfa-enrollment", "api-auth", "public", "refused");
    }

    @Test
    void corpusWhenLoadedThenNoLineTwice() {
        List<String> lines = java.util.stream.Stream.of(sensitiveVariants(), publicLookalikes(), routeClasses())
                .flatMap(List::stream).map(r -> r.method() + " " + r.target() + " " + r.contentType() + " "
                        + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8) + " " + r.headers())
                .toList();
        assertThat(lines).doesNotHaveDuplicates();
    }

    /** The classification the filter put on the exchange, or {@link #REFUSED} when it answered 400 itself. */
    private static RouteClassification throughFilter(CorpusRequest request) {
        MockServerWebExchange exchange = request.toExchange();
        AtomicReference<RouteClassification> seen = new AtomicReference<>();
        RouteClassificationFilter filter = new RouteClassificationFilter(() -> POLICY, Auditor.NONE);
        StepVerifier.create(filter.filter(exchange, next -> {
            seen.set(next.getAttribute(RouteClassification.ATTRIBUTE));
            return Mono.empty();
        })).verifyComplete();
        if (seen.get() == null) {
            assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            return REFUSED;
        }
        return seen.get();
    }
}
