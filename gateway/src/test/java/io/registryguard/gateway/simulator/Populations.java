package io.registryguard.gateway.simulator;

import java.util.List;

/**
 * The simulated populations. Each client labels its requests with {@link #HEADER} so the simulated registry can
 * count what reached it per population; the gateway passes the header on like any other and never reads it.
 */
final class Populations {

    static final String HEADER = "X-Simulation-Population";

    static final String LEGITIMATE = "legitimate";
    static final String BRUTE_FORCE = "A-brute-force";
    static final String SPRAY = "A-spray";
    static final String STUFFING = "B-stuffing";
    static final String TAKEOVER = "C-takeover";

    static final List<String> ALL = List.of(LEGITIMATE, BRUTE_FORCE, SPRAY, STUFFING, TAKEOVER);
    static final List<String> ATTACKERS = List.of(BRUTE_FORCE, SPRAY, STUFFING, TAKEOVER);

    private Populations() {
    }
}
