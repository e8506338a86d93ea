package io.registryguard.gateway.demo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The demo registry's fixed data: three users and one project with two collaborators. */
final class DemoAccounts {

    static final String PROJECT = "demo-project";

    static final DemoUser ALICE = new DemoUser("alice", "alice-demo-password-1", "alice@example.test");
    static final DemoUser BOB = new DemoUser("bob", "bob-demo-password-2", "bob@example.test");
    static final DemoUser CAROL = new DemoUser("carol", "carol-demo-password-3", "carol@example.test");

    static final List<DemoUser> USERS = List.of(ALICE, BOB, CAROL);

    /** Collaborators of {@link #PROJECT}; role ids are fixed so tests can post them back. */
    static final List<ProjectRole> COLLABORATORS = List.of(
            new ProjectRole("7d1b3a3e-0d3c-4c53-9a55-6a3f0c0a1a01", ALICE.username(), "Owner"),
            new ProjectRole("7d1b3a3e-0d3c-4c53-9a55-6a3f0c0a1a02", BOB.username(), "Maintainer"));

    private DemoAccounts() {
    }

    /** Warehouse looks usernames up case-insensitively. */
    static Optional<DemoUser> byUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        String wanted = username.toLowerCase(Locale.ROOT);
        return USERS.stream().filter(user -> user.username().equals(wanted)).findFirst();
    }

    static List<String> projectsOf(DemoUser user) {
        boolean collaborator = COLLABORATORS.stream().anyMatch(role -> role.username().equals(user.username()));
        return collaborator ? List.of(PROJECT) : List.of();
    }

    record ProjectRole(String roleId, String username, String roleName) {
    }
}
