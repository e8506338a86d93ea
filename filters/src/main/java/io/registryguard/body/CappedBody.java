package io.registryguard.body;

import java.nio.ByteBuffer;
import java.util.function.BiFunction;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads a small request body for the guard without taking it from the registry: at most {@code maxBytes}
 * (more, declared or counted as it arrives, is a 413), cached so the rest of the chain replays the exact bytes.
 * A body already cached by an earlier filter is reused, not read twice. Never {@code exchange.getFormData()}:
 * it consumes the body and the registry would receive nothing.
 */
public final class CappedBody {

    private CappedBody() {
    }

    /**
     * @param next continues with the exchange whose request replays the body, and the body's bytes (empty for none)
     */
    public static Mono<Void> read(ServerWebExchange exchange, int maxBytes,
            BiFunction<ServerWebExchange, byte[], Mono<Void>> next) {
        if (exchange.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR) != null) {
            return next.apply(exchange, cachedBytes(exchange));
        }
        long declared;
        try {
            declared = declaredLength(exchange.getRequest().getHeaders());
        } catch (ResponseStatusException e) {
            return Mono.error(e);
        }
        if (declared > maxBytes) {
            return Mono.error(SizeCappedRequest.tooLarge(maxBytes));
        }
        ServerWebExchange capped = exchange.mutate()
                .request(new SizeCappedRequest(exchange.getRequest(), maxBytes)).build();
        return ServerWebExchangeUtils.cacheRequestBody(capped, replaying ->
                next.apply(capped.mutate().request(replaying).build(), cachedBytes(capped)));
    }

    private static long declaredLength(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Content-Length is not a number");
        }
    }

    /** The bytes cacheRequestBody kept; empty for an empty body. Copied without moving the buffer's read position. */
    private static byte[] cachedBytes(ServerWebExchange exchange) {
        DataBuffer cached = exchange.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR);
        if (cached == null) {
            return new byte[0];
        }
        ByteBuffer copy = ByteBuffer.allocate(cached.readableByteCount());
        cached.toByteBuffer(copy);
        return copy.array();
    }
}
