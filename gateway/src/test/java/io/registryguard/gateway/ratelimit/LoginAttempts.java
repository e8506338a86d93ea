package io.registryguard.gateway.ratelimit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.registryguard.gateway.support.TestRegistry;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Login attempts as a browser or twine makes them, from a chosen client address. */
final class LoginAttempts {

    private final WebTestClient client;

    LoginAttempts(WebTestClient client) {
        this.client = client;
    }

    EntityExchangeResult<String> login(String ip, String username, String password) {
        return login(ip, username, password, null, MediaType.TEXT_HTML);
    }

    EntityExchangeResult<String> login(String ip, String username, String password, String deviceCookie,
            MediaType accept) {
        var request = client.post().uri("/account/login/")
                .header("X-Forwarded-For", ip)
                .accept(accept)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (deviceCookie != null) {
            request.cookie("__Host-guard-device", deviceCookie);
        }
        return request.bodyValue("csrf_token=x&username=" + username + "&password=" + password)
                .exchange().expectBody(String.class).returnResult();
    }

    EntityExchangeResult<String> upload(String ip, String username, String password) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return client.post().uri("/legacy/")
                .header("X-Forwarded-For", ip)
                .header("Authorization", "Basic " + basic)
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=xyz"))
                .bodyValue("--xyz\r\nContent-Disposition: form-data; name=\":action\"\r\n\r\nfile_upload\r\n--xyz--\r\n")
                .exchange().expectBody(String.class).returnResult();
    }

    /** How many login attempts for {@code username} reached the registry. */
    static int reachedRegistry(String username) {
        return TestRegistry.registry().wireMock().findAll(postRequestedFor(urlPathEqualTo("/account/login/"))
                .withFormParam("username", equalTo(username))).size();
    }

    /** The device cookie's value from a login answer, or null. */
    static String deviceCookie(EntityExchangeResult<String> answer) {
        return answer.getResponseHeaders().getOrEmpty("Set-Cookie").stream()
                .filter(c -> c.startsWith("__Host-guard-device="))
                .map(c -> c.substring("__Host-guard-device=".length(), c.indexOf(';')))
                .findFirst().orElse(null);
    }
}
