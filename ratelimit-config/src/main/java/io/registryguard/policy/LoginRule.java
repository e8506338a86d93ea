package io.registryguard.policy;

import java.util.Objects;

/**
 * One entry of the policy's {@code logins} section: how the guard reads the credential of an attempt on a
 * {@code login} or {@code api-auth} route, and how it tells the registry's answer apart as success or failure.
 *
 * @param route         the route rule this applies to
 * @param credential    where the username is: a form field, or HTTP Basic auth
 * @param usernameField the form field holding the username ({@link Credential#FORM} only)
 * @param outcome       how the registry's answer is judged
 * @param refusePasswords {@link Credential#BASIC} only: refuse a username and password (not an API token) with a
 *                      403 telling the client to use a token, as Warehouse itself does; the registry never sees it
 * @param identityProbe {@link Credential#FORM} only: how the account of an accepted login is asked of the registry;
 *                      null keeps the typed (canonical) name as the session's account, unconfirmed
 */
public record LoginRule(String route, Credential credential, String usernameField, OutcomeRule outcome,
        boolean refusePasswords, IdentityProbeRule identityProbe) {

    /** The username on API uploads that carry a token, not a password: never a username of its own. */
    public static final String TOKEN_USERNAME = "__token__";

    public LoginRule {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(outcome, "outcome");
        if (credential == Credential.FORM) {
            Objects.requireNonNull(usernameField, "usernameField");
            if (refusePasswords) {
                throw new IllegalArgumentException("refusePasswords applies to basic credentials only");
            }
        } else if (identityProbe != null) {
            throw new IllegalArgumentException("identityProbe applies to login forms only");
        }
    }

    /** Without an identity probe. */
    public LoginRule(String route, Credential credential, String usernameField, OutcomeRule outcome,
            boolean refusePasswords) {
        this(route, credential, usernameField, outcome, refusePasswords, null);
    }

    /** The same rule confirming accounts with {@code probe}. */
    public LoginRule withIdentityProbe(IdentityProbeRule probe) {
        return new LoginRule(route, credential, usernameField, outcome, refusePasswords, probe);
    }

    /** With the default for {@code refusePasswords}: on for basic credentials (uploads take API tokens). */
    public LoginRule(String route, Credential credential, String usernameField, OutcomeRule outcome) {
        this(route, credential, usernameField, outcome, credential == Credential.BASIC);
    }

    /** Warehouse's web login: a form with {@code username}; success is 303 + session cookie, off the login page. */
    public static LoginRule defaultFor(RouteRule route) {
        if (route.routeClass() == RouteClass.API_AUTH) {
            return new LoginRule(route.name(), Credential.BASIC, null, OutcomeRule.UPLOAD_DEFAULT);
        }
        return new LoginRule(route.name(), Credential.FORM, "username", OutcomeRule.LOGIN_DEFAULT);
    }

    public enum Credential {
        /** A field of an {@code application/x-www-form-urlencoded} or {@code multipart/form-data} body. */
        FORM("form"),
        /** {@code Authorization: Basic}; the username {@value #TOKEN_USERNAME} means an API token. */
        BASIC("basic");

        private final String id;

        Credential(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static java.util.Optional<Credential> fromId(String id) {
            return java.util.Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
        }
    }
}
