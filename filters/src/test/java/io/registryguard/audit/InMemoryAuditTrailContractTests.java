package io.registryguard.audit;

/** The contract on the in-memory ring. */
class InMemoryAuditTrailContractTests extends AuditTrailContract {

    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();

    @Override
    AuditTrail trail() {
        return trail;
    }
}
