package io.registryguard.email;

/** The email code store contract on the in-memory store. */
class InMemoryEmailCodeStoreContractTests extends EmailCodeStoreContract {

    private final InMemoryEmailCodeStore store = new InMemoryEmailCodeStore(clock);

    @Override
    EmailCodeStore store() {
        return store;
    }
}
