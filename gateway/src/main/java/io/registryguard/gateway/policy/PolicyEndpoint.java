package io.registryguard.gateway.policy;

import java.util.LinkedHashMap;
import java.util.Map;

import io.registryguard.policy.Policy;
import io.registryguard.policy.ReloadResult;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** {@code GET /actuator/policy} on the management port: what runs, and how the last reload went. */
@Endpoint(id = "policy")
final class PolicyEndpoint {

    private final ActivePolicy active;

    PolicyEndpoint(ActivePolicy active) {
        this.active = active;
    }

    @ReadOperation
    Map<String, Object> policy() {
        Policy policy = active.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", policy.version());
        body.put("sha256", policy.sha256());
        body.put("source", policy.source());
        body.put("routes", policy.routes().size());
        body.put("watching", active.isWatching());
        ReloadResult last = active.lastResult();
        if (last != null) {
            Map<String, Object> reload = new LinkedHashMap<>();
            reload.put("outcome", last.outcome().name());
            reload.put("fileSha256", last.hash());
            reload.put("time", last.time().toString());
            reload.put("message", last.message());
            body.put("lastCheck", reload);
        }
        return body;
    }
}
