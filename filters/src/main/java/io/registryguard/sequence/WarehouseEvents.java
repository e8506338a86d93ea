package io.registryguard.sequence;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.registryguard.sequence.SensitiveEvent.Kind;

/**
 * Which Warehouse request is which {@link SensitiveEvent}, for the default policy's route names. A pure function
 * of what the gateway sees: the route the classifier matched, the method, the normalized path segments, the form
 * fields of the body (the first value of each, as WTForms reads them) and the guard session's account.
 *
 * <table>
 * <caption>Requests and their events</caption>
 * <tr><th>route</th><th>form</th><th>event</th></tr>
 * <tr><td>{@code collaboration-invite}</td><td>{@code username}, {@code role_name}</td>
 *     <td>INVITE of {@code username} as {@code role_name}; none without {@code username} (a team names no
 *     account)</td></tr>
 * <tr><td>{@code collaboration-change}</td><td>{@code role_id}, {@code role_name}</td>
 *     <td>ROLE_CHANGED to {@code role_name}; the account is unknown</td></tr>
 * <tr><td>{@code collaboration-delete}</td><td>{@code role_id}, {@code confirm_username} (or {@code username})</td>
 *     <td>ROLE_REMOVED of that account; the role is unknown</td></tr>
 * <tr><td>{@code verify-project-role}</td><td>{@code token}, {@code accept} or {@code decline}</td>
 *     <td>INVITE_ACCEPTED unless {@code decline}; the project is unknown</td></tr>
 * <tr><td>{@code account-delete}</td><td>{@code confirm_password}</td><td>ACCOUNT_DELETED</td></tr>
 * <tr><td>{@code delete-project}</td><td>{@code confirm_project_name}</td><td>PROJECT_DELETED</td></tr>
 * </table>
 *
 * What it cannot know, and why the rules are safe anyway:
 * <ul>
 * <li><b>The role of a removed collaborator.</b> Warehouse's remove form sends only {@code role_id}, a database id.
 *     A role field added to the form would be ignored by Warehouse, so a client could add
 *     {@code role_name=Maintainer} to look harmless: the mapping never reads one. Every removal is possibly an
 *     Owner's; the cost is that removing a Maintainer soon after a suspicious invite is refused too.</li>
 * <li><b>Who is removed.</b> {@code confirm_username} is typed into a confirmation box and checked only by the
 *     browser's script, never by Warehouse: it is kept as a hint, and no rule lets it clear an action.</li>
 * <li><b>Who is changed, and from which role.</b> The change form sends {@code role_id} and the new role only: a
 *     change to anything but Owner may be an Owner's demotion.</li>
 * <li><b>Which project an acceptance is for.</b> The invitation token is signed by Warehouse and holds database ids,
 *     not names. Warehouse accepts any POST without {@code decline}, {@code accept} or not.</li>
 * </ul>
 */
public final class WarehouseEvents {

    private WarehouseEvents() {
    }

    /**
     * @param routeName    the policy rule the classifier matched
     * @param method       the HTTP method; only {@code POST} changes anything in Warehouse
     * @param pathSegments the normalized path, one entry per segment ({@code manage, project, requests, ...})
     * @param form         the body's form fields, the first value of each
     * @param actor        the account of the guard session making the request
     * @param at           when the request arrived (the gateway's clock)
     * @return the event, or empty when the request is no sensitive event (another route, a GET, a declined invite)
     * @throws IllegalArgumentException when a project route's path does not name a project under
     *                                  {@code /manage/project/}: the policy's path and this mapping disagree
     */
    public static Optional<SensitiveEvent> from(String routeName, String method, List<String> pathSegments,
            Map<String, String> form, String actor, Instant at) {
        Objects.requireNonNull(routeName, "routeName");
        Objects.requireNonNull(pathSegments, "pathSegments");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        if (!"POST".equals(Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return switch (routeName) {
            case "collaboration-invite" -> field(form, "username").map(invitee -> new SensitiveEvent(at, actor,
                    Kind.INVITE, project(routeName, pathSegments), invitee, field(form, "role_name").orElse(null)));
            case "collaboration-change" -> Optional.of(new SensitiveEvent(at, actor, Kind.ROLE_CHANGED,
                    project(routeName, pathSegments), null, field(form, "role_name").orElse(null)));
            case "collaboration-delete" -> Optional.of(new SensitiveEvent(at, actor, Kind.ROLE_REMOVED,
                    project(routeName, pathSegments),
                    field(form, "confirm_username").or(() -> field(form, "username")).orElse(null), null));
            case "verify-project-role" -> form.containsKey("decline") ? Optional.empty()
                    : Optional.of(new SensitiveEvent(at, actor, Kind.INVITE_ACCEPTED, null, null, null));
            case "account-delete" -> Optional.of(new SensitiveEvent(at, actor, Kind.ACCOUNT_DELETED, null, null, null));
            case "delete-project" -> Optional.of(new SensitiveEvent(at, actor, Kind.PROJECT_DELETED,
                    project(routeName, pathSegments), null, null));
            default -> Optional.empty();
        };
    }

    /** The {@code {project}} of {@code /manage/project/{project}/...}. */
    private static String project(String routeName, List<String> segments) {
        if (segments.size() < 3 || !segments.get(0).equalsIgnoreCase("manage")
                || !segments.get(1).equalsIgnoreCase("project") || segments.get(2).isBlank()) {
            throw new IllegalArgumentException("route " + routeName + " expects /manage/project/{project}/...,"
                    + " found /" + String.join("/", segments));
        }
        return segments.get(2);
    }

    private static Optional<String> field(Map<String, String> form, String name) {
        return Optional.ofNullable(form.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
