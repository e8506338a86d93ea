package io.registryguard.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every recorded event as one JSON line on the logger {@value #LOGGER}, at INFO, whatever the store does: an
 * operator can ship that logger to somewhere the gateway's Redis cannot lose.
 */
final class AuditLog {

    static final String LOGGER = "registryguard.audit";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private AuditLog() {
    }

    static void write(AuditEvent event) {
        // As an argument, not the pattern: a "{}" inside a value must stay text.
        log.info("{}", event.toJson());
    }
}
