package io.registryguard.ratelimit;

import java.net.InetAddress;
import java.util.Objects;

import io.registryguard.policy.Limit;
import io.registryguard.policy.RouteClass;

/**
 * One attempt to check against the limits: plain data, read from the request by the caller.
 *
 * @param target   the route class id ({@code login}, {@code api-auth}, ...) or action id ({@code email-code})
 * @param client   the client address (after trusted-proxy resolution)
 * @param username the username the attempt names, or null when it names none (an API token upload's
 *                 {@code __token__} is no username: pass null); compared without regard to case
 * @param deviceId the id from a verified device cookie issued to this username, or null; never an unverified value
 */
public record RateLimitRequest(String target, InetAddress client, String username, String deviceId) {

    public RateLimitRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(client, "client");
        username = username == null || username.isBlank() ? null : username;
        deviceId = deviceId == null || deviceId.isBlank() ? null : deviceId;
    }

    /** An attempt at a route of {@code routeClass}, naming {@code username} (or null). */
    public static RateLimitRequest of(RouteClass routeClass, InetAddress client, String username) {
        return new RateLimitRequest(routeClass.id(), client, username, null);
    }

    /** Sending a one-time code to {@code username}'s address on file. */
    public static RateLimitRequest emailCode(InetAddress client, String username) {
        return new RateLimitRequest(Limit.EMAIL_CODE, client, Objects.requireNonNull(username, "username"), null);
    }

    /** The same attempt from a device whose cookie the caller verified for this username. */
    public RateLimitRequest withDevice(String verifiedDeviceId) {
        return new RateLimitRequest(target, client, username, verifiedDeviceId);
    }

    /** Without the device id: it identifies a trusted browser and has no place in logs. */
    @Override
    public String toString() {
        return "RateLimitRequest[target=" + target + ", client=" + client.getHostAddress() + ", username=" + username
                + ", device=" + (deviceId == null ? "none" : "present") + "]";
    }
}
