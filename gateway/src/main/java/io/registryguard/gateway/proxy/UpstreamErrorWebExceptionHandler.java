package io.registryguard.gateway.proxy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.registryguard.web.Problem;
import io.registryguard.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Every error becomes a precise answer: problem+json for API clients, a short page for browsers, and a
 * log line an operator can act on. Registry down is 502, registry too slow is 504; nothing hangs and no
 * internal detail (host names, stack traces) reaches the client.
 */
final class UpstreamErrorWebExceptionHandler implements ErrorWebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UpstreamErrorWebExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            log.warn("{} {} failed after the answer had started: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), describe(error));
            return Mono.error(error);
        }
        Problem problem = toProblem(exchange, error);
        exchange.getResponse().getHeaders().clear();
        return ProblemResponses.write(exchange, problem);
    }

    Problem toProblem(ServerWebExchange exchange, Throwable error) {
        String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath();
        if (has(error, ConnectTimeoutException.class) || has(error, ReadTimeoutException.class)
                || has(error, TimeoutException.class) || isStatus(error, HttpStatus.GATEWAY_TIMEOUT)) {
            log.warn("{} -> 504: the registry did not answer in time ({})", request, describe(error));
            return Problem.of(HttpStatus.GATEWAY_TIMEOUT, "Gateway Timeout",
                    "The registry did not answer in time. Please try again shortly.");
        }
        if (has(error, ConnectException.class) || has(error, UnknownHostException.class)
                || has(error, PrematureCloseException.class) || has(error, SSLException.class)
                || has(error, IOException.class)) {
            // An I/O error with the answer not yet started is the registry's side: a client that went
            // away cannot be answered at all.
            log.warn("{} -> 502: the registry could not be reached ({})", request, describe(error));
            return Problem.of(HttpStatus.BAD_GATEWAY, "Bad Gateway",
                    "The registry could not be reached. Please try again shortly.");
        }
        if (error instanceof ResponseStatusException status) {
            HttpStatus resolved = HttpStatus.resolve(status.getStatusCode().value());
            String title = resolved == null ? "Error" : resolved.getReasonPhrase();
            if (status.getStatusCode().is5xxServerError()) {
                log.error("{} -> {}: {}", request, status.getStatusCode().value(), describe(error), error);
            } else {
                log.info("{} -> {}: {}", request, status.getStatusCode().value(), status.getReason());
            }
            Problem problem = Problem.of(status.getStatusCode(), title, status.getReason());
            for (var header : status.getHeaders().headerSet()) {
                problem = problem.withHeader(header.getKey(), String.join(", ", header.getValue()));
            }
            return problem;
        }
        log.error("{} -> 500: unexpected error", request, error);
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error",
                "The gateway failed to handle this request. The operators can find it in the log.");
    }

    private static boolean isStatus(Throwable error, HttpStatus status) {
        return error instanceof ResponseStatusException e && e.getStatusCode().value() == status.value();
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public int getOrder() {
        return -2; // before Boot's DefaultErrorWebExceptionHandler (-1)
    }
}
