package io.registryguard.body;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;

/**
 * A request whose body fails with 413 as soon as more than {@code maxBytes} have arrived. Counts what
 * actually arrives, so a chunked body (no {@code Content-Length}) or a lying header is capped as well.
 */
public final class SizeCappedRequest extends ServerHttpRequestDecorator {

    private final long maxBytes;

    public SizeCappedRequest(ServerHttpRequest delegate, long maxBytes) {
        super(delegate);
        this.maxBytes = maxBytes;
    }

    @Override
    public Flux<DataBuffer> getBody() {
        return Flux.defer(() -> {
            long[] received = {0};
            return getDelegate().getBody().handle((buffer, sink) -> {
                received[0] += buffer.readableByteCount();
                if (received[0] > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(tooLarge(maxBytes));
                } else {
                    sink.next(buffer);
                }
            });
        });
    }

    public static ResponseStatusException tooLarge(long maxBytes) {
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                "Form body larger than " + maxBytes + " bytes; the guard reads at most that much of a form");
    }
}
