package io.registryguard.mfa;

/** The factor store contract on the in-memory store. */
class InMemoryFactorStoreContractTests extends FactorStoreContract {

    private final InMemoryFactorStore store = new InMemoryFactorStore();

    @Override
    FactorStore store() {
        return store;
    }
}
