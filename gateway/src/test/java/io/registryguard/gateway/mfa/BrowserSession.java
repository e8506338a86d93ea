package io.registryguard.gateway.mfa;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;

/** A browser's cookie jar over WebTestClient: keeps what the server sets, sends it back, follows nothing by itself. */
final class BrowserSession {

    private final WebTestClient client;
    final Map<String, String> cookies = new LinkedHashMap<>();
    /** Sent with every request, like a browser's own headers (User-Agent, Origin, X-Forwarded-For behind a proxy). */
    final Map<String, String> headers = new LinkedHashMap<>();

    BrowserSession(WebTestClient client) {
        this.client = client;
    }

    EntityExchangeResult<String> get(String path) {
        var spec = client.get().uri(path).accept(MediaType.TEXT_HTML);
        cookies.forEach(spec::cookie);
        headers.forEach(spec::header);
        return keep(spec.exchange().expectBody(String.class).returnResult());
    }

    EntityExchangeResult<String> post(String path, String... fields) {
        var form = new LinkedMultiValueMap<String, String>();
        for (int i = 0; i < fields.length; i += 2) {
            form.add(fields[i], fields[i + 1]);
        }
        var spec = client.post().uri(path).accept(MediaType.TEXT_HTML).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        cookies.forEach(spec::cookie);
        headers.forEach(spec::header);
        return keep(spec.bodyValue(form).exchange().expectBody(String.class).returnResult());
    }

    EntityExchangeResult<String> login(String username, String password) {
        return post("/account/login/", "username", username, "password", password);
    }

    private EntityExchangeResult<String> keep(EntityExchangeResult<String> result) {
        for (String setCookie : result.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            boolean expired = setCookie.toLowerCase().contains("max-age=0");
            if (expired || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return result;
    }

    static List<String> setCookies(EntityExchangeResult<String> result) {
        return result.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
    }

    static URI location(EntityExchangeResult<String> result) {
        return result.getResponseHeaders().getLocation();
    }

    /** The value of the page's hidden csrf field. */
    static String csrf(EntityExchangeResult<String> page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(page.getResponseBody());
        if (!m.find()) {
            throw new AssertionError("no csrf field in " + page.getResponseBody());
        }
        return m.group(1);
    }
}
