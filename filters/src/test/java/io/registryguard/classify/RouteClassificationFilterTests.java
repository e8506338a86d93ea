package io.registryguard.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.registryguard.GuardFilterOrder;
import io.registryguard.audit.Auditor;
import io.registryguard.policy.Policy;
import io.registryguard.policy.RouteClass;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class RouteClassificationFilterTests {

    private static final int CAP = 1024;
    private static final String URLENCODED = "application/x-www-form-urlencoded";

    private final RouteClassificationFilter filter =
            new RouteClassificationFilter(() -> WarehousePolicy.policy(CAP, true), Auditor.NONE);
    private final RecordingChain chain = new RecordingChain();
    private final AtomicBoolean bodySubscribed = new AtomicBoolean();

    @Test
    void getOrderThenJustAfterHighestPrecedence() {
        assertThat(filter.getOrder()).isEqualTo(GuardFilterOrder.ROUTE_CLASSIFICATION.order());
    }

    @Test
    void filterWhenPublicRequestThenBodyNeverSubscribed() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/simple/requests/")
                .header(HttpHeaders.CONTENT_TYPE, URLENCODED).body(recordedBody("confirm_password=x")));

        StepVerifier.create(filter.filter(exchange, chain)).verifyComplete();

        assertThat(chain.classification()).isEqualTo(new RouteClassification(RouteClass.PUBLIC, null));
        assertThat(bodySubscribed).isFalse();
    }

    @Test
    void filterWhenCandidatesNeedNoFieldsThenBodyNeverSubscribed() {
        MockServerWebExchange upload = exchange(MockServerHttpRequest.post("/legacy/")
                .header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz")
                .header(HttpHeaders.CONTENT_TYPE, MultipartBodies.CONTENT_TYPE)
                .body(recordedBody(new String(MultipartBodies.withFields(":action", "content"), StandardCharsets.UTF_8))));

        StepVerifier.create(filter.filter(upload, chain)).verifyComplete();

        assertThat(chain.classification()).isEqualTo(new RouteClassification(RouteClass.API_AUTH, "upload"));
        assertThat(bodySubscribed).isFalse();
    }

    @Test
    void filterWhenQuerySettlesTheFormDispatchThenTheBodyIsStillRead() {
        // one reading: the body could hold a repeat of the query's field with another value
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/manage/account/?confirm_password=x")
                .header(HttpHeaders.CONTENT_TYPE, URLENCODED).body(recordedBody("csrf_token=t")));

        StepVerifier.create(filter.filter(exchange, chain)).verifyComplete();

        assertThat(chain.classification()).isEqualTo(new RouteClassification(RouteClass.SENSITIVE, "delete-account"));
        assertThat(bodySubscribed).isTrue();
    }

    @Test
    void filterWhenBodyIsNotAFormOnARuleRouteThen400NotPublic() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/manage/account/")
                .header(HttpHeaders.CONTENT_TYPE, "application/json").body(recordedBody("{\"confirm_password\":1}")));

        StepVerifier.create(filter.filter(exchange, chain)).verifyComplete();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("application/json");
        assertThat(chain.called()).isFalse();
    }

    @Test
    void filterWhenFormDispatchThenChainReadsTheCanonicalFormOfWhatWasRead() {
        byte[] original = "csrf_token=t&note=%c3%A9+%7e*&confirm_password=hun;ter2".getBytes(StandardCharsets.US_ASCII);
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/manage/account/")
                .header(HttpHeaders.CONTENT_TYPE, URLENCODED).body(chunks(original, 7)));
        chain.readBodyTwice();

        StepVerifier.create(filter.filter(exchange, chain)).verifyComplete();

        byte[] canonical = "csrf_token=t&note=%C3%A9+%7E*&confirm_password=hun%3Bter2".getBytes(StandardCharsets.US_ASCII);
        assertThat(chain.bodies()).hasSize(2).allSatisfy(body -> assertThat(body).isEqualTo(canonical));
        assertThat(chain.classification()).isEqualTo(new RouteClassification(RouteClass.SENSITIVE, "delete-account"));
        assertThat(exchange.<RouteClassification>getAttribute(RouteClassification.ATTRIBUTE))
                .isEqualTo(chain.classification());
    }

    @Test
    void filterWhenMultipartFormDispatchThenClassifiedAndBytesReplayed() {
        byte[] original = MultipartBodies.withFields("csrf_token", "new_password");
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/manage/account/")
                .header(HttpHeaders.CONTENT_TYPE, MultipartBodies.CONTENT_TYPE)
                .contentLength(original.length).body(chunks(original, 16)));
        chain.readBody();

        StepVerifier.create(filter.filter(exchange, chain)).verifyComplete();

        assertThat(chain.bodies()).singleElement().isEqualTo(
                "csrf_token=value+of+csrf_token&new_password=value+of+new_password".getBytes(StandardCharsets.US_ASCII));
        assertThat(chain.classification()).isEqualTo(new RouteClassification(RouteClass.SENSITIVE, "change-password"));
    }

    @Test
    void filterWhenFormDispatchWithoutDispatchingFieldThenPublicAndBytesReplayed() {
        byte[] original = "csrf_token=t&name=Alice".getBytes(StandardCharsets.US_ASCII);
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/manage/account/")
                .header(HttpHeaders.CONTENT_TYPE, URLENCODED).body(chunks(original, 5)));
        chain.readBody();

        StepVerifier.create(filter.filter(exchange, chain)).verifyComplete();

        assertThat(chain.bodies()).singleElement().isEqualTo(original);
        assertThat(chain.classification()).isEqualTo(new RouteClassification(RouteClass.PUBLIC, null));
    }

    @Test
    void filterWhenFormDispatchWithEmptyBodyThenPublic() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/manage/account/")
                .header(HttpHeaders.CONTENT_TYPE, URLENCODED).body(Flux.empty()));
        chain.readBody();

        StepVerifier.create(filter.filter(exchange, chain)).verifyComplete();

        assertThat(chain.bodies()).singleElement().isEqualTo(new byte[0]);
        assertThat(chain.classification()).isEqualTo(new RouteClassification(RouteClass.PUBLIC, null));
    }

    @Test
    void filterWhenContentLengthOverCapThen413WithoutReading() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/manage/account/")
                .header(HttpHeaders.CONTENT_TYPE, URLENCODED).contentLength(CAP + 1)
                .body(recordedBody("confirm_password=x")));

        StepVerifier.create(filter.filter(exchange, chain))
                .verifyErrorSatisfies(e -> assertStatus(e, HttpStatus.CONTENT_TOO_LARGE));

        assertThat(bodySubscribed).isFalse();
        assertThat(chain.called()).isFalse();
    }

    @Test
    void filterWhenChunkedBodyOverCapThen413AndStopsReading() {
        AtomicInteger chunksRead = new AtomicInteger();
        Flux<DataBuffer> tenChunks = Flux.range(0, 10)
                .<DataBuffer>map(i -> DefaultDataBufferFactory.sharedInstance.wrap(filler(400)))
                .doOnNext(buffer -> chunksRead.incrementAndGet());
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/manage/account/")
                .header(HttpHeaders.CONTENT_TYPE, URLENCODED).body(tenChunks));
        assertThat(exchange.getRequest().getHeaders().getContentLength()).isEqualTo(-1);

        StepVerifier.create(filter.filter(exchange, chain))
                .verifyErrorSatisfies(e -> assertStatus(e, HttpStatus.CONTENT_TOO_LARGE));

        assertThat(chunksRead).hasValue(3);
        assertThat(chain.called()).isFalse();
    }

    @Test
    void filterWhenContentLengthUnderstatesBodyThen413() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/manage/account/")
                .header(HttpHeaders.CONTENT_TYPE, URLENCODED).contentLength(10).body(chunks(filler(CAP + 1), 100)));

        StepVerifier.create(filter.filter(exchange, chain))
                .verifyErrorSatisfies(e -> assertStatus(e, HttpStatus.CONTENT_TOO_LARGE));

        assertThat(chain.called()).isFalse();
    }

    @Test
    void filterWhenBodyExactlyAtCapThenPasses() {
        byte[] atCap = atCap("confirm_password=x&pad=");
        MockServerWebExchange declared = exchange(MockServerHttpRequest.post("/manage/account/")
                .header(HttpHeaders.CONTENT_TYPE, URLENCODED).contentLength(CAP).body(chunks(atCap, 100)));
        chain.readBody();

        StepVerifier.create(filter.filter(declared, chain)).verifyComplete();

        assertThat(chain.bodies()).singleElement().isEqualTo(atCap);
        assertThat(chain.classification().routeClass()).isEqualTo(RouteClass.SENSITIVE);
    }

    @Test
    void filterWhenChunkedBodyExactlyAtCapThenPasses() {
        byte[] atCap = atCap("new_password=x&pad=");
        MockServerWebExchange chunked = exchange(MockServerHttpRequest.post("/manage/account/")
                .header(HttpHeaders.CONTENT_TYPE, URLENCODED).body(chunks(atCap, 100)));
        chain.readBody();

        StepVerifier.create(filter.filter(chunked, chain)).verifyComplete();

        assertThat(chain.bodies()).singleElement().isEqualTo(atCap);
        assertThat(chain.classification()).isEqualTo(new RouteClassification(RouteClass.SENSITIVE, "change-password"));
    }

    @Test
    void filterWhenMalformedPathThen400AndChainNotCalled() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.method(HttpMethod.POST,
                URI.create("http://registry.example/manage/account%00/token/")));

        StepVerifier.create(filter.filter(exchange, chain)).verifyErrorSatisfies(e -> {
            assertStatus(e, HttpStatus.BAD_REQUEST);
            assertThat(((ResponseStatusException) e).getReason()).contains("NUL");
        });

        assertThat(chain.called()).isFalse();
    }

    @Test
    void filterWhenMultipartWithoutBoundaryOnFormRouteThen400() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/manage/account/")
                .header(HttpHeaders.CONTENT_TYPE, "multipart/form-data").body(recordedBody("confirm_password=x")));

        StepVerifier.create(filter.filter(exchange, chain)).verifyComplete();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(chain.called()).isFalse();
    }

    @Test
    void filterWhenMultipartWithoutBoundaryOnPublicRouteThenPassedThrough() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/search/")
                .header(HttpHeaders.CONTENT_TYPE, "multipart/form-data").body(recordedBody("x")));

        StepVerifier.create(filter.filter(exchange, chain)).verifyComplete();

        assertThat(chain.classification().routeClass()).isEqualTo(RouteClass.PUBLIC);
        assertThat(bodySubscribed).isFalse();
    }

    @Test
    void filterWhenContentLengthNotANumberOnFormRouteThen400() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/manage/account/")
                .header(HttpHeaders.CONTENT_TYPE, URLENCODED).header(HttpHeaders.CONTENT_LENGTH, "12abc")
                .body(recordedBody("confirm_password=x")));

        StepVerifier.create(filter.filter(exchange, chain)).verifyComplete();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bodySubscribed).isFalse();
        assertThat(chain.called()).isFalse();
    }

    @Test
    void filterWhenPolicyReloadedThenNextRequestUsesItAndReadsItOncePerRequest() {
        AtomicReference<Policy> current = new AtomicReference<>(WarehousePolicy.policy());
        AtomicInteger reads = new AtomicInteger();
        RouteClassificationFilter reloading = new RouteClassificationFilter(() -> {
            reads.incrementAndGet();
            return current.get();
        }, Auditor.NONE);

        StepVerifier.create(reloading.filter(exchange(MockServerHttpRequest.post("/manage/account/token/")), chain))
                .verifyComplete();
        assertThat(chain.classification().routeClass()).isEqualTo(RouteClass.SENSITIVE);
        assertThat(reads).hasValue(1);

        Policy withoutRoutes = current.get();
        current.set(new Policy("v2", withoutRoutes.sha256(), withoutRoutes.source(), withoutRoutes.normalization(),
                withoutRoutes.body(), List.of()));
        StepVerifier.create(reloading.filter(exchange(MockServerHttpRequest.post("/manage/account/token/")), chain))
                .verifyComplete();
        assertThat(chain.classification().routeClass()).isEqualTo(RouteClass.PUBLIC);
        assertThat(reads).hasValue(2);
    }

    private MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
        return MockServerWebExchange.from(request);
    }

    private MockServerWebExchange exchange(MockServerHttpRequest request) {
        return MockServerWebExchange.from(request);
    }

    private Flux<DataBuffer> recordedBody(String text) {
        return Flux.just(text).map(t -> DefaultDataBufferFactory.sharedInstance.wrap(t.getBytes(StandardCharsets.UTF_8)))
                .cast(DataBuffer.class).doOnSubscribe(s -> bodySubscribed.set(true));
    }

    /** The body in chunks of {@code size}, readable once like a server's (Reactor Netty refuses a second reader). */
    private static Flux<DataBuffer> chunks(byte[] bytes, int size) {
        AtomicBoolean read = new AtomicBoolean();
        return Flux.defer(() -> read.getAndSet(true)
                ? Flux.error(new IllegalStateException("request body already read"))
                : Flux.range(0, (bytes.length + size - 1) / size).<DataBuffer>map(i -> DefaultDataBufferFactory
                        .sharedInstance.wrap(Arrays.copyOfRange(bytes, i * size, Math.min(bytes.length, (i + 1) * size)))));
    }

    private static byte[] atCap(String prefix) {
        byte[] bytes = filler(CAP);
        byte[] head = prefix.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    private static byte[] filler(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 'a');
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static void assertStatus(Throwable e, HttpStatus status) {
        assertThat(e).isInstanceOfSatisfying(ResponseStatusException.class,
                r -> assertThat(r.getStatusCode()).isEqualTo(status));
    }

    /** The rest of the gateway: records what it was handed and, when asked, reads the body like the proxy would. */
    @Test
    void filterWhenMethodOverrideRequestedThen400OnAnyRouteEvenAPublicGet() {
        for (MockServerHttpRequest.BaseBuilder<?> request : List.of(
                MockServerHttpRequest.get("/manage/account/").header("X-HTTP-Method-Override", "POST"),
                MockServerHttpRequest.get("/simple/").header("x-method-override", "DELETE"),
                MockServerHttpRequest.get("/manage/account/?confirm_password=x&_method=POST"),
                MockServerHttpRequest.get("/manage/account/?_METHOD=post"))) {
            MockServerWebExchange exchange = MockServerWebExchange.from(request);
            RecordingChain recording = new RecordingChain();

            StepVerifier.create(filter.filter(exchange, recording)).verifyComplete();

            assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(recording.called()).isFalse();
        }
    }

    @Test
    void filterWhenMethodOverrideFieldInARuleRoutesBodyThen400() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/manage/account/")
                .header(HttpHeaders.CONTENT_TYPE, URLENCODED).body(recordedBody("_method=DELETE&x=1")));

        StepVerifier.create(filter.filter(exchange, chain)).verifyComplete();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(chain.called()).isFalse();
    }

    @Test
    void filterWhenMethodWordOnlyInAValueThenPublicAsUsual() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/search/?q=_method"));

        StepVerifier.create(filter.filter(exchange, chain)).verifyComplete();

        assertThat(chain.classification().routeClass()).isEqualTo(RouteClass.PUBLIC);
    }

    private static final class RecordingChain implements GatewayFilterChain {

        private final List<byte[]> bodies = new java.util.ArrayList<>();
        private ServerWebExchange exchange;
        private int bodyReads;

        void readBody() {
            bodyReads = 1;
        }

        void readBodyTwice() {
            bodyReads = 2;
        }

        boolean called() {
            return exchange != null;
        }

        RouteClassification classification() {
            assertThat(exchange).as("chain called").isNotNull();
            return exchange.getAttribute(RouteClassification.ATTRIBUTE);
        }

        List<byte[]> bodies() {
            return bodies;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange) {
            this.exchange = exchange;
            bodies.clear();
            return Flux.range(0, bodyReads)
                    .concatMap(i -> DataBufferUtils.join(exchange.getRequest().getBody())
                            .map(RecordingChain::drain)
                            .defaultIfEmpty(new byte[0]))
                    .doOnNext(bodies::add)
                    .then();
        }

        private static byte[] drain(DataBuffer buffer) {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return bytes;
        }
    }
}
