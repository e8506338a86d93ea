package io.registryguard.gateway.simulator;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Cookie;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The simulated registry's answers, computed per request (one transformer instead of a stub per account): Warehouse's
 * login route and fields as the demo registry speaks them, random session ids, and the account and project actions
 * of the 2023 sequence.
 */
final class RegistryTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "simulated-registry";
    static final String INVALID_PASSWORD = "The password is invalid. Try again.";
    static final String NO_SUCH_USER = "No user found with that username";

    private static final Pattern PROJECT_ACTION = Pattern.compile(
            "/manage/project/[^/]+/(collaboration/|collaboration/(change|delete|revoke_invite)/|delete_project/)");
    private static final Pattern ACCOUNT_ACTION = Pattern.compile(
            "/manage/account/(token/|totp-provision)?|/account/verify-project-role/");

    private final Map<String, SimAccount> accounts;
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private final RegistryCounters counters;
    private final SecureRandom random = new SecureRandom();

    RegistryTransformer(Map<String, SimAccount> accounts, RegistryCounters counters) {
        this.accounts = accounts;
        this.counters = counters;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String path = Answer.pathOf(request.getUrl());
        boolean post = RequestMethod.POST.equals(request.getMethod());
        RegistryCounters.Counts counts = counters.of(request.getHeader(Populations.HEADER));
        if (path.equals("/account/login/")) {
            return post ? login(request, counts) : page(200, "Log in", loginForm(""));
        }
        String user = sessionUser(request);
        if (post && (PROJECT_ACTION.matcher(path).matches() || ACCOUNT_ACTION.matcher(path).matches())) {
            counts.accountActions.increment();
            if (user == null) {
                return toLogin(path);
            }
            counts.accountActionsDone.increment();
            return accountAction(path, request, user);
        }
        if (path.startsWith("/manage/")) {
            // the profile link Warehouse's pages carry: what the gateway's identity probe reads the account from
            return user == null ? toLogin(path) : page(200, "Your projects", "<nav><a href=\"/user/" + escape(user)
                    + "/\">Your profile</a></nav><h1>Your projects</h1>");
        }
        return page(path.equals("/") ? 200 : 404, "Simulated registry", "<h1>" + escape(path) + "</h1>");
    }

    private ResponseDefinition login(Request request, RegistryCounters.Counts counts) {
        counts.loginPosts.increment();
        String username = form(request, "username").strip().toLowerCase(Locale.ROOT);
        SimAccount account = deleted.contains(username) ? null : accounts.get(username);
        if (account == null) {
            return page(200, "Log in", loginForm(username.isEmpty() ? "This field is required." : NO_SUCH_USER));
        }
        if (!account.password().equals(form(request, "password"))) {
            return page(200, "Log in", loginForm(INVALID_PASSWORD));
        }
        counts.loginsAccepted.increment();
        String session = HexFormat.of().formatHex(randomBytes());
        sessions.put(session, account.username());
        return responseDefinition().withStatus(303).withHeader("Location", "/manage/projects/")
                .withHeader("Set-Cookie", "session_id=" + session + "; Path=/; HttpOnly; Secure; SameSite=Lax",
                        "user_id__insecure=" + account.username() + "; Path=/")
                .build();
    }

    private ResponseDefinition accountAction(String path, Request request, String user) {
        if (path.equals("/manage/account/") && !form(request, "confirm_password").isEmpty()) {
            SimAccount account = accounts.get(user);
            if (account != null && account.password().equals(form(request, "confirm_password"))) {
                deleted.add(user);
                sessions.values().removeIf(user::equals);
                return responseDefinition().withStatus(303).withHeader("Location", "/")
                        .withHeader("Set-Cookie", "session_id=; Max-Age=0; Path=/", "user_id__insecure=; Max-Age=0; Path=/")
                        .build();
            }
            return page(200, "Account settings", "<p class=\"flash-error\">Could not delete account - Invalid credentials."
                    + " Please try again.</p>");
        }
        return responseDefinition().withStatus(303).withHeader("Location", path).build();
    }

    private String sessionUser(Request request) {
        Cookie cookie = request.getCookies().get("session_id");
        if (cookie == null || cookie.isAbsent()) {
            return null;
        }
        return cookie.getValues().stream().map(sessions::get).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }

    private static ResponseDefinition toLogin(String path) {
        return responseDefinition().withStatus(303).withHeader("Location", "/account/login/?next=" + path).build();
    }

    private static ResponseDefinition page(int status, String title, String main) {
        return responseDefinition().withStatus(status).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html><html><head><title>" + title + " · Simulated registry</title></head><body>"
                        + main + "</body></html>")
                .build();
    }

    private static String loginForm(String error) {
        return "<h1>Log in</h1>" + (error.isEmpty() ? "" : "<p class=\"flash-error\">" + escape(error) + "</p>")
                + "<form method=\"post\" action=\"/account/login/\"><input name=\"csrf_token\" type=\"hidden\""
                + " value=\"simulated\"><input name=\"username\"><input name=\"password\" type=\"password\">"
                + "<button type=\"submit\">Log in</button></form>";
    }

    private static String form(Request request, String name) {
        FormParameter parameter = request.formParameter(name);
        return parameter == null || !parameter.isPresent() ? "" : parameter.firstValue();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
