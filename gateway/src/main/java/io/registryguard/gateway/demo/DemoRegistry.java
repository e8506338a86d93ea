package io.registryguard.gateway.demo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;

/**
 * An embedded registry shaped like PyPI's Warehouse, on WireMock: the {@code demo} profile puts the
 * gateway in front of it, and integration tests use it as "the registry". It speaks Warehouse's
 * routes, methods, form fields and answers (see {@code package-info}); anything else is a 404 page.
 *
 * <p>Demo users (public test data, also returned by {@link #users()}):
 * <table>
 *   <caption>Demo users</caption>
 *   <tr><th>Username</th><th>Password</th><th>Email</th><th>Projects</th></tr>
 *   <tr><td>{@code alice}</td><td>{@code alice-demo-password-1}</td><td>{@code alice@example.test}</td><td>Owner of {@code demo-project}</td></tr>
 *   <tr><td>{@code bob}</td><td>{@code bob-demo-password-2}</td><td>{@code bob@example.test}</td><td>Maintainer of {@code demo-project}</td></tr>
 *   <tr><td>{@code carol}</td><td>{@code carol-demo-password-3}</td><td>{@code carol@example.test}</td><td>none</td></tr>
 * </table>
 *
 * <p>A login sets {@code session_id=demo-session-<username>} ({@link DemoUser#sessionId()}); every
 * logged-in route recognises the user from that value alone, so a test may also send it directly.
 *
 * <p>For tests: {@link #wireMock()} verifies what the registry received (the journal keeps the last
 * 1000 requests) and adds stubs. A stub added without a priority, or with priority 1 to 5, overrides
 * every built-in route (those use priorities 6 to 12). WireMock's HTTP admin API is switched off
 * (it would be reachable through the gateway); use the in-process {@link WireMockServer} instead.
 * {@code POST /_demo/sink} is a test-only upload sink, not a Warehouse route.
 */
public final class DemoRegistry implements AutoCloseable {

    private final WireMockServer server;

    private DemoRegistry(WireMockServer server) {
        this.server = server;
    }

    /** Starts a demo registry over HTTP on a free port of 127.0.0.1. */
    public static DemoRegistry start() {
        return start(0);
    }

    /** Starts a demo registry over HTTP on {@code port} of 127.0.0.1 (0: a free one). */
    public static DemoRegistry start(int port) {
        var options = DemoRegistryOptions.create();
        if (port != 0) {
            options.port(port);
        }
        WireMockServer server = new WireMockServer(options);
        server.start();
        try {
            DemoPackage demoPackage = DemoPackage.load();
            List<DemoStubs> areas = List.of(
                    new PublicPagesStubs(),
                    new LoginStubs(),
                    new SimpleIndexStubs(demoPackage),
                    new ManageAccountStubs(),
                    new CollaborationStubs(),
                    new LegacyUploadStubs(),
                    new UploadSinkStubs());
            areas.forEach(area -> area.addTo(server));
            return new DemoRegistry(server);
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    /** The demo users, in the order of the table above. */
    public static List<DemoUser> users() {
        return DemoAccounts.USERS;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.port();
    }

    /** The running WireMock server, to verify received requests or add stubs in tests. */
    public WireMockServer wireMock() {
        return server;
    }

    /** Forgets the requests received so far (the stubs stay). */
    public void resetRequests() {
        server.resetRequests();
    }

    /** Stops the registry; calling it again does nothing. */
    @Override
    public void close() {
        if (server.isRunning()) {
            server.stop();
        }
    }
}
