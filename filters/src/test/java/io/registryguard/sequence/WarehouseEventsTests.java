package io.registryguard.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.registryguard.sequence.SensitiveEvent.Kind;

/** Which Warehouse request is which event, and what a request cannot tell. */
class WarehouseEventsTests {

    private static final Instant AT = Instant.parse("2023-11-14T08:44:55Z");

    private static Optional<SensitiveEvent> from(String route, String method, String path, Map<String, String> form) {
        List<String> segments = List.of(path.replaceAll("^/|/$", "").split("/"));
        return WarehouseEvents.from(route, method, segments, form, "Victim", AT);
    }

    private static Optional<SensitiveEvent> post(String route, String path, Map<String, String> form) {
        return from(route, "POST", path, form);
    }

    @Test
    void inviteWhenUsernameAndRoleThenInviteOfThatAccountAsThatRole() {
        assertThat(post("collaboration-invite", "/manage/project/Re_Quests/collaboration/",
                Map.of("username", "Mallory", "role_name", "Owner", "csrf_token", "x")))
                .contains(new SensitiveEvent(AT, "victim", Kind.INVITE, "re-quests", "mallory", "Owner"));
    }

    @Test
    void inviteWhenNoUsernameThenNoEventBecauseATeamNamesNoAccount() {
        assertThat(post("collaboration-invite", "/manage/project/requests/collaboration/",
                Map.of("is_team", "true", "team_name", "core", "team_project_role_name", "Owner"))).isEmpty();
        assertThat(post("collaboration-invite", "/manage/project/requests/collaboration/",
                Map.of("username", "  ", "role_name", "Owner"))).isEmpty();
    }

    @Test
    void inviteWhenIsTeamAddedToAUserInviteThenStillAnInvite() {
        assertThat(post("collaboration-invite", "/manage/project/requests/collaboration/",
                Map.of("is_team", "true", "username", "mallory", "role_name", "Owner")).map(SensitiveEvent::kind))
                .contains(Kind.INVITE);
    }

    @Test
    void changeWhenRoleIdAndRoleNameThenChangeToThatRoleOfAnUnknownAccount() {
        assertThat(post("collaboration-change", "/manage/project/requests/collaboration/change/",
                Map.of("role_id", "7f3c", "role_name", "Maintainer")))
                .contains(new SensitiveEvent(AT, "victim", Kind.ROLE_CHANGED, "requests", null, "Maintainer"));
    }

    @Test
    void deleteWhenConfirmUsernameThenRemovalOfThatAccountWithAnUnknownRole() {
        assertThat(post("collaboration-delete", "/manage/project/requests/collaboration/delete/",
                Map.of("role_id", "7f3c", "confirm_username", "Victim")))
                .contains(new SensitiveEvent(AT, "victim", Kind.ROLE_REMOVED, "requests", "victim", null));
        assertThat(post("collaboration-delete", "/manage/project/requests/collaboration/delete/",
                Map.of("role_id", "7f3c", "username", "carol")).map(SensitiveEvent::target)).contains("carol");
    }

    @Test
    void deleteWhenTheFormClaimsARoleThenTheRoleStaysUnknownBecauseWarehouseIgnoresIt() {
        SensitiveEvent removal = post("collaboration-delete", "/manage/project/requests/collaboration/delete/",
                Map.of("role_id", "7f3c", "role_name", "Maintainer")).orElseThrow();

        assertThat(removal.targetRole()).isNull();
        assertThat(removal.target()).isNull();
        assertThat(removal.mayTakeOwnershipAway()).isTrue();
    }

    @Test
    void verifyProjectRoleWhenAcceptedOrAnyPostWithoutDeclineThenAcceptanceWithoutProject() {
        SensitiveEvent accepted = new SensitiveEvent(AT, "victim", Kind.INVITE_ACCEPTED, null, null, null);

        assertThat(post("verify-project-role", "/account/verify-project-role/", Map.of("token", "t", "accept", "")))
                .contains(accepted);
        assertThat(post("verify-project-role", "/account/verify-project-role/", Map.of("token", "t")))
                .contains(accepted);
    }

    @Test
    void verifyProjectRoleWhenDeclinedThenNoEvent() {
        assertThat(post("verify-project-role", "/account/verify-project-role/", Map.of("token", "t", "decline", "")))
                .isEmpty();
    }

    @Test
    void accountDeleteAndDeleteProjectThenTheirEvents() {
        assertThat(post("account-delete", "/manage/account/", Map.of("confirm_password", "hunter2")))
                .contains(new SensitiveEvent(AT, "victim", Kind.ACCOUNT_DELETED, null, null, null));
        assertThat(post("delete-project", "/manage/project/requests/delete_project/",
                Map.of("confirm_project_name", "requests")))
                .contains(new SensitiveEvent(AT, "victim", Kind.PROJECT_DELETED, "requests", null, null));
    }

    @Test
    void fromWhenNotAPostThenNoEvent() {
        assertThat(from("collaboration-invite", "GET", "/manage/project/requests/collaboration/",
                Map.of("username", "mallory"))).isEmpty();
        assertThat(from("account-delete", "post", "/manage/account/", Map.of()).map(SensitiveEvent::kind))
                .contains(Kind.ACCOUNT_DELETED);
    }

    @Test
    void fromWhenAnotherRouteThenNoEvent() {
        assertThat(post("token-create", "/manage/account/token/", Map.of("description", "ci"))).isEmpty();
        assertThat(post("login", "/account/login/", Map.of("username", "victim"))).isEmpty();
    }

    @Test
    void fromWhenAProjectRouteWithoutAProjectInThePathThenRejectedNamingTheRoute() {
        assertThatIllegalArgumentException().isThrownBy(() -> post("collaboration-delete", "/manage/delete/",
                Map.of())).withMessage("route collaboration-delete expects /manage/project/{project}/..., found"
                        + " /manage/delete");
    }
}
