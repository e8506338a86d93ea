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

    // --- logged-in area -----------------------------------------------------------------------

    @Test
    void sessionCookieFromLoginOpensTheAccountPage() throws Exception {
        HttpResponse<String> login = postForm("/account/login/", form("username", "bob", "password", "bob-demo-password-2"));
        String sessionCookie = login.headers().allValues("Set-Cookie").get(0).split(";", 2)[0];

        HttpResponse<String> account = send(withCookie(httpGet("/manage/account/"), sessionCookie));

        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("Logged in as <strong id=\"user-indicator\">bob</strong>").contains("bob@example.test");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/manage/projects/", "/manage/account/", "/manage/account/token/", "/manage/account/totp-provision",
        "/manage/project/demo-project/collaboration/", "/manage/project/demo-project/settings/",
        "/account/verify-project-role/?token=abc"})
    void loggedInPageWhenNoSessionThenSeeOtherToLoginWithNext(String path) throws Exception {
        HttpResponse<String> response = send(httpGet(path));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("/account/login/?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/manage/account/", "/manage/project/demo-project/collaboration/delete/",
        "/manage/project/demo-project/delete_project/", "/account/verify-project-role/"})
    void sensitivePostWhenNoSessionThenSeeOtherToLogin(String path) throws Exception {
        HttpResponse<String> response = postForm(path, form("confirm_password", "x", "username", "alice", "confirm_project_name", "demo-project", "accept", "Accept"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).get().asString().startsWith("/account/login/?next=");
    }

    @Test
    void loggedInPageWhenSessionOfNoDemoUserThenSeeOtherToLogin() throws Exception {
        HttpResponse<String> response = send(withCookie(httpGet("/manage/account/"), "session_id=demo-session-mallory"));

        assertThat(response.statusCode()).isEqualTo(303);
    }

    @ParameterizedTest
    @CsvSource({
        "/manage/projects/, Your projects",
        "/manage/account/, Account settings",
        "/manage/account/token/, Add API token",
        "/manage/account/totp-provision, Set up 2FA",
        "/manage/project/demo-project/collaboration/, Manage collaborators for demo-project",
        "/manage/project/demo-project/settings/, Delete project",
        "/account/verify-project-role/?token=abc, Accept invitation"})
    void loggedInPageWhenSessionThenAnswers(String path, String heading) throws Exception {
        HttpResponse<String> response = send(withCookie(httpGet(path), ALICE_SESSION));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(heading).contains("Logged in as <strong id=\"user-indicator\">alice</strong>");
    }

    @Test
    void projectsPageListsOnlyTheUsersProjects() throws Exception {
        assertThat(send(withCookie(httpGet("/manage/projects/"), ALICE_SESSION)).body())
                .contains("href=\"/manage/project/demo-project/collaboration/\"");
        assertThat(send(withCookie(httpGet("/manage/projects/"), CAROL_SESSION)).body())
                .doesNotContain("/manage/project/demo-project/")
                .contains("You have not uploaded any projects yet.");
    }

    @Test
    void manageAccountWhenConfirmPasswordThenAccountDeletedWithCookiesCleared() throws Exception {
        HttpResponse<String> response = send(withCookie(postFormRequest("/manage/account/",
                form("confirm_password", "alice-demo-password-1")), ALICE_SESSION));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/");
        assertThat(response.headers().allValues("Set-Cookie"))
                .hasSize(2)
                .allSatisfy(cookie -> assertThat(cookie).contains("Max-Age=0"));
    }

    @Test
    void manageAccountWhenConfirmPasswordBesideOtherFieldsThenDeletionWins() throws Exception {
        HttpResponse<String> response = send(withCookie(postFormRequest("/manage/account/",
                form("email", "new@example.test", "confirm_password", "")), ALICE_SESSION));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "email|new@example.test|Email new@example.test added - check your email for a verification link",
        "new_password|a-new-password|Password updated",
        "primary_email_id|1|Email address alice@example.test set as primary",
        "delete_email_id|1|Email address removed"})
    void manageAccountDispatchesOnFormField(String field, String value, String message) throws Exception {
        HttpResponse<String> response = send(withCookie(postFormRequest("/manage/account/", form(field, value)), ALICE_SESSION));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"flash\">" + message + "</div>");
    }

    @Test
    void manageAccountWhenNoKnownFieldThenAccountPageWithoutMessage() throws Exception {
        HttpResponse<String> response = send(withCookie(postFormRequest("/manage/account/", form("name", "Alice")), ALICE_SESSION));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Account settings").doesNotContain("id=\"flash\"");
    }

    @Test
    void tokenWhenDescriptionThenPageShowsNewToken() throws Exception {
        HttpResponse<String> response = send(withCookie(postFormRequest("/manage/account/token/",
                form("description", "ci upload", "token_scope", "scope:user")), ALICE_SESSION));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Token for \"ci upload\"").containsPattern("<code>pypi-[A-Za-z0-9_-]{60,}</code>");
    }

    @Test
    void tokenWhenNoDescriptionThenFormWithError() throws Exception {
        HttpResponse<String> response = send(withCookie(postFormRequest("/manage/account/token/", form("description", " ")), ALICE_SESSION));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Specify a token name").doesNotContain("pypi-AgE");
    }

    @Test
    void totpProvisionWhenSixDigitsThenSeeOtherToAccount() throws Exception {
        HttpResponse<String> response = send(withCookie(postFormRequest("/manage/account/totp-provision",
                form("totp_value", "123456")), CAROL_SESSION));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/manage/account/");
    }

    @Test
    void totpProvisionWhenNotACodeThenFormWithError() throws Exception {
        HttpResponse<String> response = send(withCookie(postFormRequest("/manage/account/totp-provision",
                form("totp_value", "12ab56")), CAROL_SESSION));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Invalid TOTP code.");
    }

    // --- projects and collaboration -----------------------------------------------------------

    @Test
    void collaborationPageListsOwnerAndMaintainer() throws Exception {
        String body = send(withCookie(httpGet("/manage/project/demo-project/collaboration/"), ALICE_SESSION)).body();

        assertThat(body)
                .contains("<td class=\"username\">alice</td><td class=\"role\">Owner</td>")
                .contains("<td class=\"username\">bob</td><td class=\"role\">Maintainer</td>")
                .doesNotContain("carol");
    }

    @Test
    void collaborationInviteThenSeeOtherBackAndRegistryReceivedTheForm() throws Exception {
        HttpResponse<String> response = send(withCookie(postFormRequest("/manage/project/demo-project/collaboration/",
                form("username", "mallory", "role_name", "Owner")), ALICE_SESSION));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/manage/project/demo-project/collaboration/");
        registry.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/manage/project/demo-project/collaboration/"))
                .withFormParam("username", equalTo("mallory"))
                .withFormParam("role_name", equalTo("Owner")));
    }

    @Test
    void collaborationInviteWithoutFieldsThenPageAgain() throws Exception {
        HttpResponse<String> response = send(withCookie(postFormRequest("/manage/project/demo-project/collaboration/",
                form("role_name", "Owner")), ALICE_SESSION));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Invite collaborator");
    }

    @Test
    void collaborationDeleteOfAnotherUserThenSeeOtherBackToCollaboration() throws Exception {
        HttpResponse<String> response = send(withCookie(postFormRequest("/manage/project/demo-project/collaboration/delete/",
                form("role_id", "7d1b3a3e-0d3c-4c53-9a55-6a3f0c0a1a02", "username", "bob")), ALICE_SESSION));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/manage/project/demo-project/collaboration/");
    }

    @Test
    void collaborationDeleteOfYourselfThenSeeOtherToYourProjects() throws Exception {
        HttpResponse<String> response = send(withCookie(postFormRequest("/manage/project/demo-project/collaboration/delete/",
                form("role_id", "7d1b3a3e-0d3c-4c53-9a55-6a3f0c0a1a01", "username", "alice")), ALICE_SESSION));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/manage/projects/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"change/", "revoke_invite/"})
    void collaborationChangeAndRevokeThenSeeOtherBack(String action) throws Exception {
        HttpResponse<String> response = send(withCookie(postFormRequest("/manage/project/demo-project/collaboration/" + action,
                form("role_id", "7d1b3a3e-0d3c-4c53-9a55-6a3f0c0a1a02", "role_name", "Owner")), ALICE_SESSION));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/manage/project/demo-project/collaboration/");
    }

    @Test
    void deleteProjectWhenNameConfirmedThenSeeOtherToProjects() throws Exception {
        HttpResponse<String> response = send(withCookie(postFormRequest("/manage/project/demo-project/delete_project/",
                form("confirm_project_name", "demo-project")), ALICE_SESSION));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/manage/projects/");
    }

    @Test
    void deleteProjectWhenNameWrongThenSeeOtherToSettings() throws Exception {
        HttpResponse<String> response = send(withCookie(postFormRequest("/manage/project/demo-project/delete_project/",
                form("confirm_project_name", "other-project")), ALICE_SESSION));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/manage/project/demo-project/settings/");
    }

    @Test
    void verifyProjectRoleWhenAcceptedThenSeeOtherToProjects() throws Exception {
        String page = send(withCookie(httpGet("/account/verify-project-role/?token=invite-123"), CAROL_SESSION)).body();
        HttpResponse<String> response = send(withCookie(postFormRequest("/account/verify-project-role/",
                form("token", "invite-123", "accept", "Accept")), CAROL_SESSION));

        assertThat(page).contains("name=\"token\" type=\"hidden\" value=\"invite-123\"");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/manage/projects/");
    }

    // --- legacy upload ------------------------------------------------------------------------

    @Test
    void uploadWhenApiTokenThen200() throws Exception {
        HttpResponse<String> response = upload(basic("__token__", "pypi-AgEIcHlwaS5vcmcCJGFueXRoaW5n"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        registry.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/legacy/")));
    }

    @Test
    void uploadWhenTokenSchemeThen200() throws Exception {
        assertThat(upload("token pypi-AgEIcHlwaS5vcmc").statusCode()).isEqualTo(200);
    }

    @Test
    void uploadWhenUsernameAndPasswordThen403NoLongerSupported() throws Exception {
        HttpResponse<String> response = upload(basic("alice", "alice-demo-password-1"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains(
                "Username/Password authentication is no longer supported. Migrate to API Tokens or Trusted Publishers instead.");
    }

    @Test
    void uploadWhenRefusedThenMessageIsAlsoTheStatusLineReason() throws Exception {
        String body = "--b\r\nContent-Disposition: form-data; name=\":action\"\r\n\r\nfile_upload\r\n--b--\r\n";
        String statusLine = rawStatusLine("POST /legacy/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + basic("alice", "x")
                + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(statusLine).startsWith("HTTP/1.1 403 Username/Password authentication is no longer supported.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "__token__:not-a-token", "no-colon"})
    void uploadWhenNoUsableCredentialsThen403Invalid(String credentials) throws Exception {
        String authorization = credentials.isEmpty() ? null
                : "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = upload(authorization);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Invalid or non-existent authentication information.");
    }

    @Test
    void uploadEndpointWithoutFileUploadActionThenApiEndpointPage() throws Exception {
        HttpResponse<String> response = send(httpGet("/legacy/"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("This URL is an API endpoint for uploading files");
    }

    @Test
    void uploadWithoutTrailingSlashThenPermanentRedirect() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/legacy")).POST(BodyPublishers.ofString("x")));

        assertThat(response.statusCode()).isEqualTo(308);
        assertThat(response.headers().firstValue("Location")).hasValue("/legacy/");
    }

    // --- upload sink --------------------------------------------------------------------------

    @Test
    void sinkAnswersByteCountAndSha256OfTheBodyAndJournalsItWithoutTheBody() throws Exception {
        byte[] body = randomBytes(5 * 1024 * 1024 + 7);

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/_demo/sink"))
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"bytes\": " + body.length + ", \"sha256\": \"" + sha256(body) + "\"}");
        List<LoggedRequest> journaled = registry.wireMock().findAll(postRequestedFor(urlPathEqualTo("/_demo/sink")));
        assertThat(journaled).hasSize(1);
        assertThat(journaled.get(0).getBody()).isEmpty();
        assertThat(journaled.get(0).getHeader("Content-Length")).isEqualTo(String.valueOf(body.length));
    }

    @Test
    void sinkJournalsMultipartPartsWithoutTheirContent() throws Exception {
        byte[] content = randomBytes(64 * 1024);
        String boundary = "sink-boundary";
        ByteArrayOutputStream multipart = new ByteArrayOutputStream();
        multipart.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"f.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        multipart.write(content);
        multipart.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/_demo/sink"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofByteArray(multipart.toByteArray())));

        assertThat(response.body()).contains("\"bytes\": " + multipart.size() + ",").contains(sha256(multipart.toByteArray()));
        LoggedRequest journaled = registry.wireMock().findAll(postRequestedFor(urlPathEqualTo("/_demo/sink"))).get(0);
        assertThat(journaled.getParts()).singleElement().satisfies(part -> {
            assertThat(part.getName()).isEqualTo("content");
            assertThat(part.getBody().asBytes()).isEmpty();
        });
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
