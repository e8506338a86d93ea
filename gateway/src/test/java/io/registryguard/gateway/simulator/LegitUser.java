package io.registryguard.gateway.simulator;

/**
 * A legitimate user: an account with a TOTP factor, a home address and a browser that keeps its long-lived cookies
 * (the gateway's device cookie) from one login to the next.
 */
final class LegitUser {

    private final SimAccount account;
    private final ClientProfile home;
    private volatile String totpSecret;
    private SimBrowser homeBrowser;

    LegitUser(SimAccount account, ClientProfile home) {
        this.account = account;
        this.home = home;
    }

    SimAccount account() {
        return account;
    }

    ClientProfile home() {
        return home;
    }

    /** The base32 secret in the user's authenticator app; null until enrolled. */
    String totpSecret() {
        return totpSecret;
    }

    void totpSecret(String base32) {
        this.totpSecret = base32;
    }

    /** The browser at home, created on first use and kept (its cookie jar is the user's). */
    synchronized SimBrowser homeBrowser(Browsers browsers) {
        if (homeBrowser == null) {
            homeBrowser = browsers.open(home, Populations.LEGITIMATE);
        }
        return homeBrowser;
    }
}
