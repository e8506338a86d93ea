package io.registryguard.gateway.mfa;

import java.util.Map;

import io.registryguard.gateway.support.GatewayClients;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** {@link BrowserSession} for tests outside this package. */
public final class BrowserSessions {

    private final BrowserSession browser;

    private BrowserSessions(BrowserSession browser) {
        this.browser = browser;
    }

    public static BrowserSessions https(int port) {
        return new BrowserSessions(new BrowserSession(GatewayClients.https(port)));
    }

    /** Plain HTTP, for a gateway behind a load balancer ({@code BehindLoadBalancerTest}). */
    public static BrowserSessions http(int port) {
        return new BrowserSessions(new BrowserSession(GatewayClients.http(port)));
    }

    /** Sends {@code name: value} with every request from now on. */
    public BrowserSessions header(String name, String value) {
        browser.headers.put(name, value);
        return this;
    }

    public EntityExchangeResult<String> get(String path) {
        return browser.get(path);
    }

    public static String csrf(EntityExchangeResult<String> page) {
        return BrowserSession.csrf(page);
    }

    public static java.net.URI location(EntityExchangeResult<String> result) {
        return BrowserSession.location(result);
    }

    public EntityExchangeResult<String> login(String username, String password) {
        return browser.login(username, password);
    }

    /** A form post; fields as {@code name=value}. */
    public EntityExchangeResult<String> post(String path, String... fields) {
        String[] pairs = new String[fields.length * 2];
        for (int i = 0; i < fields.length; i++) {
            String[] kv = fields[i].split("=", 2);
            pairs[2 * i] = kv[0];
            pairs[2 * i + 1] = kv[1];
        }
        return browser.post(path, pairs);
    }

    public Map<String, String> cookies() {
        return browser.cookies;
    }
}
