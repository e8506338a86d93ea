package io.registryguard.gateway.demo;

import com.github.tomakehurst.wiremock.common.Notifier;
import java.lang.System.Logger.Level;

/**
 * Drops WireMock's chatter (it would print every request) and passes its errors to the platform
 * logger, which Spring Boot routes to the application's log.
 */
final class QuietNotifier implements Notifier {

    private static final System.Logger LOG = System.getLogger(DemoRegistry.class.getName());

    @Override
    public void info(String message) {
        // WireMock's info messages are per-request noise.
    }

    @Override
    public void error(String message) {
        LOG.log(Level.ERROR, message);
    }

    @Override
    public void error(String message, Throwable t) {
        LOG.log(Level.ERROR, message, t);
    }
}
