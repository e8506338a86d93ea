package io.registryguard.gateway.demo;

import static io.registryguard.gateway.demo.PageTemplate.escapeHtml;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.MultiValue;
import com.github.tomakehurst.wiremock.http.Request;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The values a page template can use, computed from the request being answered:
 * <ul>
 *   <li>{@code user}, {@code email}: the logged-in demo user (empty when logged out);</li>
 *   <li>{@code next}, {@code login_action}: the redirect target and the login form's action keeping it;</li>
 *   <li>{@code csrf_token}, {@code api_token}: fresh random values;</li>
 *   <li>{@code project}, {@code project_items}, {@code collaborator_rows}: the demo project (the last
 *       two are trusted HTML);</li>
 *   <li>{@code form.X}, {@code query.X}: request parameters; {@code param.X}: the stub's transformer
 *       parameters;</li>
 *   <li>{@code flash}: the {@code flash} parameter, itself rendered as a template (so already
 *       escaped: insert it with {@code {{{flash}}}}).</li>
 * </ul>
 * An unknown name is a bug in a template and fails loudly.
 */
final class PageValues implements Function<String, String> {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Request request;
    private final Parameters parameters;
    private final Optional<DemoUser> user;

    PageValues(Request request, Parameters parameters) {
        this.request = request;
        this.parameters = parameters;
        this.user = DemoSession.userOf(request);
    }

    @Override
    public String apply(String name) {
        if (name.startsWith("form.")) {
            return firstOrEmpty(request.formParameter(name.substring("form.".length())));
        }
        if (name.startsWith("query.")) {
            return firstOrEmpty(request.queryParameter(name.substring("query.".length())));
        }
        if (name.startsWith("param.")) {
            return parameter(name.substring("param.".length()));
        }
        return switch (name) {
            case "title" -> parameter("title");
            case "flash" -> PageTemplate.of(parameter("flash")).render(this);
            case "user" -> user.map(DemoUser::username).orElse("");
            case "email" -> user.map(DemoUser::email).orElse("");
            case "next" -> SafeRedirect.requestedNext(request);
            case "login_action" -> loginAction();
            case "csrf_token" -> randomToken(24);
            case "api_token" -> "pypi-AgEIcHlwaS5vcmc" + randomToken(48);
            case "project" -> DemoAccounts.PROJECT;
            case "project_items" -> projectItems();
            case "collaborator_rows" -> collaboratorRows();
            default -> throw new IllegalArgumentException("Unknown demo page value '" + name + "'");
        };
    }

    private String loginAction() {
        String next = SafeRedirect.requestedNext(request);
        return next.isEmpty() ? "/account/login/" : "/account/login/?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    private String projectItems() {
        return user.map(DemoAccounts::projectsOf).orElseGet(List::of).stream()
                .map(project -> "<li class=\"package-snippet\"><a href=\"/manage/project/" + escapeHtml(project)
                        + "/collaboration/\">" + escapeHtml(project) + "</a> <a href=\"/project/" + escapeHtml(project)
                        + "/\">View</a></li>")
                .collect(Collectors.joining("\n"));
    }

    private String collaboratorRows() {
        String base = "/manage/project/" + DemoAccounts.PROJECT + "/collaboration/";
        return DemoAccounts.COLLABORATORS.stream()
                .map(role -> "<tr><td class=\"username\">" + escapeHtml(role.username()) + "</td>"
                        + "<td class=\"role\">" + escapeHtml(role.roleName()) + "</td><td>"
                        + "<form method=\"POST\" action=\"" + base + "change/\">"
                        + "<input type=\"hidden\" name=\"role_id\" value=\"" + escapeHtml(role.roleId()) + "\">"
                        + "<select name=\"role_name\"><option>Owner</option><option>Maintainer</option></select>"
                        + "<button type=\"submit\">Change role</button></form>"
                        + "<form method=\"POST\" action=\"" + base + "delete/\">"
                        + "<input type=\"hidden\" name=\"role_id\" value=\"" + escapeHtml(role.roleId()) + "\">"
                        + "<input type=\"hidden\" name=\"username\" value=\"" + escapeHtml(role.username()) + "\">"
                        + "<button type=\"submit\">Remove</button></form></td></tr>")
                .collect(Collectors.joining("\n"));
    }

    private String parameter(String key) {
        Object value = parameters.get(key);
        return value == null ? "" : value.toString();
    }

    private static String firstOrEmpty(MultiValue value) {
        return value != null && value.isPresent() ? value.firstValue() : "";
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
