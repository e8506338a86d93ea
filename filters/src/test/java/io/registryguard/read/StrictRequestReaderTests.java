package io.registryguard.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
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
import reactor.test.StepVerifier;

class StrictRequestReaderTests {

    private static final int CAP = 1024;

    private static MockServerWebExchange post(String target, String contentType, byte[] body) {
        MockServerHttpRequest.BodyBuilder builder = MockServerHttpRequest.method(HttpMethod.POST,
                URI.create("http://registry.example" + target));
        if (contentType != null) {
            builder.header(HttpHeaders.CONTENT_TYPE, contentType);
        }
        return MockServerWebExchange.from(builder.body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body))));
    }

    private static MockServerWebExchange form(String target, String body) {
        return post(target, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
    }

    private static ServerWebExchange read(ServerWebExchange exchange) {
        return StrictRequestReader.read(exchange, CAP, true).block();
    }

    private static String forwardedBody(ServerWebExchange exchange) {
        return DataBufferUtils.join(exchange.getRequest().getBody())
                .map(buffer -> buffer.toString(StandardCharsets.UTF_8)).defaultIfEmpty("").block();
    }

    private static void assertRefused(ServerWebExchange exchange, String category) {
        StepVerifier.create(StrictRequestReader.read(exchange, CAP, true))
                .expectErrorSatisfies(e -> assertThat(((UnreadableRequestException) e).category()).isEqualTo(category))
                .verify();
    }

    @Test
    void readWhenUrlEncodedThenFieldsOnTheExchangeAndTheCanonicalBodyForwarded() {
        ServerWebExchange read = read(form("/account/login/?next=%2Fmanage%2F", "username=Al%69ce&password=p%3Bw;x"));
        ReadRequest reading = ReadRequest.of(read);
        assertThat(reading.value("username")).contains("Alice");
        assertThat(reading.value("next")).contains("/manage/");
        assertThat(reading.names()).containsExactly("username", "password", "next");
        assertThat(forwardedBody(read)).isEqualTo("username=Alice&password=p%3Bw%3Bx");
        assertThat(forwardedBody(read)).as("replayable").isEqualTo("username=Alice&password=p%3Bw%3Bx");
        HttpHeaders headers = read.getRequest().getHeaders();
        assertThat(headers.getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("application/x-www-form-urlencoded; charset=UTF-8");
        assertThat(headers.getContentLength()).isEqualTo(33);
        assertThat(read.getRequest().getURI().getRawQuery()).isEqualTo("next=%2Fmanage%2F");
    }

    @Test
    void readWhenMultipartThenForwardedAsTheSameFieldsUrlEncoded() {
        String body = "--b0\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\ncarol\r\n"
                + "--b0\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nx y\r\n--b0--\r\n";
        ServerWebExchange read = read(post("/account/login/", "multipart/form-data; boundary=b0",
                body.getBytes(StandardCharsets.UTF_8)));
        assertThat(ReadRequest.of(read).value("username")).contains("carol");
        assertThat(forwardedBody(read)).isEqualTo("username=carol&password=x+y");
    }

    @Test
    void readWhenQueryHasOddEncodingThenForwardedCanonically() {
        ServerWebExchange read = read(form("/manage/account/?a=%7e&b=x+y", ""));
        assertThat(read.getRequest().getURI().getRawQuery()).isEqualTo("a=%7E&b=x+y");
        assertThat(ReadRequest.of(read).value("b")).contains("x y");
    }

    @Test
    void readWhenNoBodyThenNoContentTypeNeededAndNothingForwarded() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("http://registry.example/manage/account/totp-provision"));
        ServerWebExchange read = read(exchange);
        assertThat(ReadRequest.of(read).fields()).isEmpty();
        assertThat(read.getRequest().getHeaders().containsHeader(HttpHeaders.CONTENT_LENGTH)).isFalse();
        assertThat(forwardedBody(read)).isEmpty();
    }

    @Test
    void readWhenBodyNotReadThenItStreamsUntouchedButTheQueryIsStillRead() {
        MockServerWebExchange upload = post("/legacy/?:action=file_upload", "multipart/form-data; boundary=zz",
                "anything at all".getBytes(StandardCharsets.UTF_8));
        ServerWebExchange read = StrictRequestReader.read(upload, CAP, false).block();
        assertThat(ReadRequest.of(read).bodyRead()).isFalse();
        assertThat(ReadRequest.of(read).value(":action")).contains("file_upload");
        assertThat(forwardedBody(read)).isEqualTo("anything at all");
        assertRefused(post("/legacy/?a=%ff", null, new byte[0]), "charset");
    }

    @Test
    void readWhenDuplicateFieldThenRefusedWhereverItIs() {
        assertRefused(form("/account/login/", "username=carol&username=alice&password=x"), "repeated-field");
        assertRefused(form("/account/login/?username=carol&username=alice", ""), "repeated-field");
        assertRefused(form("/account/login/?username=carol", "username=alice&password=x"), "repeated-field");
    }

    @Test
    void readWhenSameValueInQueryAndBodyThenOneReading() {
        ServerWebExchange read = read(form("/account/login/?username=alice", "username=alice&password=x"));
        assertThat(ReadRequest.of(read).value("username")).contains("alice");
    }

    @Test
    void readWhenCompressedThenRefusedWithOrWithoutContentEncoding() throws Exception {
        java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write("username=alice&password=x".getBytes(StandardCharsets.UTF_8));
        }
        MockServerWebExchange declared = MockServerWebExchange.from(MockServerHttpRequest
                .post("http://registry.example/account/login/")
                .header(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(HttpHeaders.CONTENT_ENCODING, "gzip")
                .body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(gzipped.toByteArray()))));
        assertRefused(declared, "content-encoding");
        assertRefused(post("/account/login/", "application/x-www-form-urlencoded", gzipped.toByteArray()), "charset");
    }

    @Test
    void readWhenOtherCharsetThenRefused() {
        byte[] utf16 = "username=alice&password=x".getBytes(StandardCharsets.UTF_16LE);
        assertRefused(post("/account/login/", "application/x-www-form-urlencoded; charset=utf-16le", utf16), "charset");
        assertRefused(post("/account/login/", "application/x-www-form-urlencoded", utf16), "control-character");
        assertRefused(post("/account/login/", "text/plain, application/x-www-form-urlencoded",
                "username=alice".getBytes(StandardCharsets.UTF_8)), "content-type");
    }

    @Test
    void readWhenBodyWithoutContentTypeThenRefused() {
        assertRefused(post("/account/login/", null, "username=alice".getBytes(StandardCharsets.UTF_8)), "content-type");
    }

    @Test
    void readWhenTwoAuthorizationHeadersThenRefused() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest
                .post("http://registry.example/legacy/").header(HttpHeaders.AUTHORIZATION, "Basic YTpi", "Basic YzpK"));
        StepVerifier.create(StrictRequestReader.read(exchange, CAP, false))
                .expectError(UnreadableRequestException.class).verify();
    }

    @Test
    void readWhenBodyOverTheCapThenPayloadTooLarge() {
        MockServerWebExchange big = form("/account/login/", "a=" + "x".repeat(CAP));
        StepVerifier.create(StrictRequestReader.read(big, CAP, true))
                .expectErrorSatisfies(e -> assertThat(((ResponseStatusException) e).getStatusCode())
                        .isEqualTo(HttpStatus.CONTENT_TOO_LARGE))
                .verify();
    }

    @Test
    void toStringWhenPrintedThenNoValues() {
        ServerWebExchange read = read(form("/account/login/", "username=alice&password=hunter2"));
        assertThat(ReadRequest.of(read).toString()).contains("username").doesNotContain("hunter2");
    }
}
