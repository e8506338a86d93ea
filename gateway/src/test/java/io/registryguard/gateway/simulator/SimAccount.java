package io.registryguard.gateway.simulator;

/**
 * An account of the simulated registry. {@link #toString()} leaves the password out.
 *
 * @param username the login name (lower case)
 * @param password the account's password
 * @param email    the address on file (the gateway's account directory has it too)
 * @param project  the project the account owns
 */
record SimAccount(String username, String password, String email, String project) {

    static SimAccount named(String username, String password) {
        return new SimAccount(username, password, username + "@mail.sim.test", "project-" + username);
    }

    /** The owner's role id on {@link #project()}, as Warehouse's collaboration forms post it. */
    String ownerRoleId() {
        return "role-" + username;
    }

    @Override
    public String toString() {
        return "SimAccount[username=" + username + ", email=" + email + "]";
    }
}
