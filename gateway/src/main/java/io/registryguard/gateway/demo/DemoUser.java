package io.registryguard.gateway.demo;

/**
 * An account of the {@link DemoRegistry}. The passwords are public demo data (listed in
 * {@link DemoRegistry}), yet {@link #toString()} still leaves them out so they never reach a log.
 *
 * @param username the login name, as typed into the login form
 * @param password the account's password
 * @param email the primary (verified) email address
 */
public record DemoUser(String username, String password, String email) {

    /** The {@code session_id} cookie value the demo registry issues to this user at login. */
    public String sessionId() {
        return DemoSession.SESSION_PREFIX + username;
    }

    @Override
    public String toString() {
        return "DemoUser[username=" + username + ", email=" + email + "]";
    }
}
