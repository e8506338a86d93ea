package io.registryguard.risk;

/** How the credential arrived: a browser's login form, or an API client (Basic auth or token on upload). */
public enum LoginChannel {
    BROWSER,
    API
}
