package io.registryguard.gateway.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo registry over real HTTP, as the gateway and pip/twine/browsers see it. No Spring context. */
class DemoRegistryTests {

    private static final String ALICE_SESSION = "session_id=demo-session-alice";
    private static final String CAROL_SESSION = "session_id=demo-session-carol";

    private static DemoRegistry registry;
    private static HttpClient http;

    @BeforeAll
    static void startRegistry() {
        registry = DemoRegistry.start();
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @BeforeEach
    void forgetRequests() {
        registry.resetRequests();
    }

    // --- public pages, 404 and the registry itself --------------------------------------------

    @ParameterizedTest
    @CsvSource({"/, Find, install and publish Python packages", "/project/demo-project/, pip install demo-project"})
    void publicPagesAnswerWithoutSession(String path, String text) throws Exception {
        HttpResponse<String> response = send(httpGet(path));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(text).contains("href=\"/account/login/\">Log in</a>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/no/such/page", "/manage/nothing-here/", "/__admin/mappings", "/__admin/requests"})
    void unknownPathsAndTheAdminApiAreNotFound(String path) throws Exception {
        HttpResponse<String> response = send(httpGet(path));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page not found").doesNotContain("\"mappings\"");
    }

    @Test
    void testStubWithoutPriorityOverridesBuiltInRoute() throws Exception {
        var stub = registry.wireMock().stubFor(WireMock.get(urlPathEqualTo("/")).willReturn(aResponse().withStatus(503)));
        try {
            assertThat(send(httpGet("/")).statusCode()).isEqualTo(503);
        } finally {
            registry.wireMock().removeStub(stub);
        }
        assertThat(send(httpGet("/")).statusCode()).isEqualTo(200);
    }

    @Test
    void journalIsBounded() {
        assertThat(registry.wireMock().getOptions().maxRequestJournalEntries()).hasValue(1000);
    }

    @Test
    void usersAreTheThreeDocumentedAccountsAndHideTheirPasswords() {
        assertThat(DemoRegistry.users())
                .extracting(DemoUser::username, DemoUser::password, DemoUser::email)
                .containsExactly(
                        tuple("alice", "alice-demo-password-1", "alice@example.test"),
                        tuple("bob", "bob-demo-password-2", "bob@example.test"),
                        tuple("carol", "carol-demo-password-3", "carol@example.test"));
        assertThat(DemoRegistry.users().get(0).toString()).contains("alice").doesNotContain("alice-demo-password-1");
    }

    @Test
    void baseUrlIsLoopbackWithThePort() {
        assertThat(registry.baseUrl()).isEqualTo("http://127.0.0.1:" + registry.port());
        assertThat(registry.port()).isPositive();
    }

    // --- login and logout ---------------------------------------------------------------------

    @Test
    void loginWhenPasswordCorrectThenSeeOtherToProjectsWithSessionCookies() throws Exception {
        HttpResponse<String> response = postForm("/account/login/", form("username", "alice", "password", "alice-demo-password-1"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/manage/projects/");
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly(
                "session_id=demo-session-alice; Path=/; HttpOnly; Secure; SameSite=Lax",
                "user_id__insecure=alice; Path=/");
    }

    @Test
    void loginWhenUsernameInOtherCaseThenSameUserLoggedIn() throws Exception {
        HttpResponse<String> response = postForm("/account/login/", form("username", "Bob", "password", "bob-demo-password-2"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().allValues("Set-Cookie")).first().asString().startsWith("session_id=demo-session-bob;");
    }

    @Test
    void loginWhenNextInQueryIsLocalPathThenRedirectsThere() throws Exception {
        HttpResponse<String> response = postForm("/account/login/?next=%2Fmanage%2Faccount%2F",
                form("username", "carol", "password", "carol-demo-password-3"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/manage/account/");
    }

    @Test
    void loginWhenNextInFormThenItWinsOverQuery() throws Exception {
        HttpResponse<String> response = postForm("/account/login/?next=%2Fmanage%2Faccount%2F",
                form("username", "carol", "password", "carol-demo-password-3", "next", "/manage/account/token/?x=1"));

        assertThat(response.headers().firstValue("Location")).hasValue("/manage/account/token/?x=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.test/manage/", "//evil.test/manage/", "/\\evil.test/", "javascript:alert(1)", "manage/account/"})
    void loginWhenNextIsNotLocalPathThenIgnored(String next) throws Exception {
        HttpResponse<String> response = postForm("/account/login/",
                form("username", "alice", "password", "alice-demo-password-1", "next", next));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/manage/projects/");
    }

    @Test
    void loginWhenPasswordWrongThen200FormWithErrorAndNoCookie() throws Exception {
        HttpResponse<String> response = postForm("/account/login/", form("username", "alice", "password", "bob-demo-password-2"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("The password is invalid. Try again.").contains("<form method=\"POST\"");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void loginWhenUserUnknownThen200FormWithError() throws Exception {
        HttpResponse<String> response = postForm("/account/login/", form("username", "mallory", "password", "alice-demo-password-1"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("No user found with that username").doesNotContain("The password is invalid");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void loginWhenUsernameMissingThen200FormWithFieldRequired() throws Exception {
        HttpResponse<String> response = postForm("/account/login/", form("password", "alice-demo-password-1"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("This field is required.");
    }

    @Test
    void loginFailureEscapesTheEchoedUsername() throws Exception {
        HttpResponse<String> response = postForm("/account/login/", form("username", "<script>x</script>", "password", "p"));

        assertThat(response.body()).contains("value=\"&lt;script&gt;x&lt;/script&gt;\"").doesNotContain("<script>x");
    }

    @Test
    void loginFormHasFieldsCsrfTokenAndKeepsNext() throws Exception {
        HttpResponse<String> response = send(httpGet("/account/login/?next=%2Fmanage%2Faccount%2F"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.body())
                .contains("action=\"/account/login/?next=%2Fmanage%2Faccount%2F\"")
                .contains("name=\"next\" type=\"hidden\" value=\"/manage/account/\"")
                .contains("name=\"username\"")
                .contains("name=\"password\"")
                .containsPattern("name=\"csrf_token\" type=\"hidden\" value=\"[A-Za-z0-9_-]{20,}\"")
                .doesNotContain("form-errors");
    }

    @Test
    void loginWhenAlreadyLoggedInThenSeeOtherToProjectsWithoutNewCookie() throws Exception {
        HttpResponse<String> response = send(withCookie(postFormRequest("/account/login/",
                form("username", "bob", "password", "bob-demo-password-2")), ALICE_SESSION));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/manage/projects/");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void logoutThenSeeOtherHomeWithCookiesCleared() throws Exception {
        HttpResponse<String> response = send(withCookie(postFormRequest("/account/logout/", form()), ALICE_SESSION));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/");
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly(
                "session_id=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax",
                "user_id__insecure=; Max-Age=0; Path=/");
    }

    // --- index and downloads ------------------------------------------------------------------

    @Test
    void simpleIndexListsTheDemoProject() throws Exception {
        HttpResponse<String> response = send(httpGet("/simple/"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<a href=\"/simple/demo-project/\">demo-project</a>");
    }

    @Test
    void simpleProjectLinksAFileWhoseSha256MatchesItsBytes() throws Exception {
        String page = send(httpGet("/simple/demo-project/")).body();
        Matcher link = Pattern.compile("href=\"(/packages/[^\"#]+/demo_project-1\\.0\\.tar\\.gz)#sha256=([0-9a-f]{64})\"").matcher(page);
        assertThat(link.find()).as("file link in %s", page).isTrue();

        HttpResponse<byte[]> file = http.send(httpGet(link.group(1)).build(), BodyHandlers.ofByteArray());

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Length")).hasValue(String.valueOf(file.body().length));
        assertThat(file.body()).startsWith(0x1f, 0x8b);
        assertThat(sha256(file.body())).isEqualTo(link.group(2));
    }

    @Test
    void simpleProjectWhenNameNotNormalisedThenMovedPermanently() throws Exception {
        HttpResponse<String> response = send(httpGet("/simple/Demo_Project/"));

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue("/simple/demo-project/");
    }

    // --- helpers ------------------------------------------------------------------------------

    private static URI uri(String pathAndQuery) {
        return URI.create(registry.baseUrl() + pathAndQuery);
    }

    private static HttpRequest.Builder httpGet(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).GET();
    }

    private static HttpRequest.Builder postFormRequest(String pathAndQuery, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> postForm(String pathAndQuery, Map<String, String> form) throws Exception {
        return send(postFormRequest(pathAndQuery, form));
    }

    private static HttpRequest.Builder withCookie(HttpRequest.Builder request, String cookie) {
        return request.header("Cookie", cookie);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    /** A twine-shaped upload: multipart with {@code :action=file_upload}, metadata and the file. */
    private static HttpResponse<String> upload(String authorization) throws Exception {
        String boundary = "twine-boundary";
        List<String> parts = new ArrayList<>();
        parts.add(part(":action", "file_upload"));
        parts.add(part("name", "demo-project"));
        parts.add(part("version", "1.1"));
        parts.add("Content-Disposition: form-data; name=\"content\"; filename=\"demo_project-1.1.tar.gz\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nnot really a tarball");
        String body = parts.stream().map(part -> "--" + boundary + "\r\n" + part + "\r\n").collect(Collectors.joining())
                + "--" + boundary + "--\r\n";
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/legacy/"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private static String part(String name, String value) {
        return "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value;
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The status line as sent, which {@link HttpClient} does not expose (twine shows its reason). */
    private static String rawStatusLine(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", registry.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            return line.toString(StandardCharsets.ISO_8859_1).trim();
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        bytes[0] = 'x'; // WireMock un-gzips request bodies that start with gzip's magic bytes
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
