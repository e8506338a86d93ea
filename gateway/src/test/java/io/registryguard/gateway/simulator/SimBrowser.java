package io.registryguard.gateway.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One client of the gateway: its address (through the trusted load balancer's {@code X-Forwarded-For}), its
 * headers, and a cookie jar that keeps what the gateway sets. Follows no redirect by itself.
 */
final class SimBrowser {

    /** Cookies that end with the browser session; the device cookie outlives them. */
    private static final Set<String> SESSION_COOKIES = Set.of("session_id", "user_id__insecure",
            "__Host-guard-session", "__Host-guard-pending");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI gateway;
    private final ClientProfile profile;
    private final String population;
    private final Map<String, String> cookies;

    SimBrowser(HttpClient http, URI gateway, ClientProfile profile, String population) {
        this(http, gateway, profile, population, new ConcurrentHashMap<>());
    }

    private SimBrowser(HttpClient http, URI gateway, ClientProfile profile, String population,
            Map<String, String> cookies) {
        this.http = http;
        this.gateway = gateway;
        this.profile = profile;
        this.population = population;
        this.cookies = cookies;
    }

    /** The same browser (same cookie jar) seen as {@code elsewhere}: the laptop on another network. */
    SimBrowser elsewhere(ClientProfile elsewhere) {
        return new SimBrowser(http, gateway, elsewhere, population, cookies);
    }

    ClientProfile profile() {
        return profile;
    }

    Answer get(String path) {
        return send(request(path, "same-origin").GET());
    }

    /** A form post; {@code fields} as name, value, name, value… */
    Answer post(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = request(path, "same-origin")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (profile.browser()) {
            request.header("Origin", gateway.getScheme() + "://" + gateway.getAuthority());
        }
        return send(request);
    }

    /** The browser was closed: session cookies are gone, the device cookie stays. */
    void endSession() {
        cookies.keySet().removeAll(SESSION_COOKIES);
    }

    private HttpRequest.Builder request(String path, String fetchSite) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(TIMEOUT)
                .header("X-Forwarded-For", profile.address())
                .header("User-Agent", profile.userAgent())
                .header(Populations.HEADER, population);
        if (profile.browser()) {
            request.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                    .header("Accept-Language", profile.acceptLanguage())
                    .header("Sec-Fetch-Site", fetchSite)
                    .header("Sec-Fetch-Mode", "navigate")
                    .header("Sec-Fetch-Dest", "document");
        } else {
            request.header("Accept", "*/*");
        }
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private Answer send(HttpRequest.Builder request) {
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        response.headers().allValues("Set-Cookie").forEach(this::keep);
        return new Answer(response.statusCode(), response.headers(), response.body(), latency);
    }

    private void keep(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = pair.substring(0, eq).strip();
        String value = pair.substring(eq + 1).strip();
        if (value.isEmpty() || setCookie.toLowerCase(Locale.ROOT).contains("max-age=0")) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }
}
