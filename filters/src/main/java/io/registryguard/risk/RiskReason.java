package io.registryguard.risk;

import java.util.Arrays;
import java.util.Objects;

/** Why an attempt looks risky. {@link #id()} is stable: it appears in audit events, metrics and the policy. */
public enum RiskReason {

    USERNAME_TRAVERSAL_IP("username-traversal-ip"),
    USERNAME_TRAVERSAL_SUBNET("username-traversal-subnet"),
    FAILURE_RATIO_IP("failure-ratio-ip"),
    FAILURE_RATIO_SUBNET("failure-ratio-subnet"),
    UNDER_ATTACK("under-attack"),
    MISSING_BROWSER_HEADERS("missing-browser-headers"),
    SCRIPTED_CLIENT("scripted-client"),
    BREACHED_PASSWORD("breached-password"),
    NOVEL_ADDRESS("novel-address"),
    NOVEL_USER_AGENT("novel-user-agent"),
    DORMANT_ACCOUNT("dormant-account"),
    ENROLLMENT_BURST("enrollment-burst"),
    /** A signal failed and its fail mode is "treat as risky". */
    SIGNAL_UNAVAILABLE("signal-unavailable");

    private final String id;

    RiskReason(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the unknown id */
    public static RiskReason ofId(String id) {
        Objects.requireNonNull(id, "id");
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown risk reason '" + id + "'"));
    }

    @Override
    public String toString() {
        return id;
    }
}
