package io.registryguard.stepup;

import java.time.Instant;
import java.util.Objects;

/**
 * A sensitive request a browser made without a fresh enough second factor, kept (short TTL) so that after the
 * step-up the gateway can send it to the registry itself: the user does not redo the action, and the registry
 * receives it exactly once.
 *
 * @param id          random, in the step-up page's URL
 * @param subject     whose session made it (the replay must come from the same session)
 * @param sessionId   the guard session it was made in
 * @param route       the policy route name (its step-up rule applies again at replay)
 * @param method      HTTP method
 * @param pathAndQuery the raw path and query, exactly as received
 * @param contentType the body's content type, or null
 * @param body        the body, at most the policy's form size
 * @param createdAt   when it was stashed
 */
public record StashedRequest(String id, String subject, String sessionId, String route, String method,
        String pathAndQuery, String contentType, byte[] body, Instant createdAt) {

    public StashedRequest {
        Objects.requireNonNull(id, "id");
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Never prints the body: it may hold a password confirmation. */
    @Override
    public String toString() {
        return "StashedRequest[" + method + " " + pathAndQuery.split("\\?", 2)[0] + ", subject=" + subject
                + ", bytes=" + body.length + "]";
    }
}
