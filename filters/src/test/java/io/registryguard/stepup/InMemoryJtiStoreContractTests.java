package io.registryguard.stepup;

import java.time.Clock;

/** The jti store contract on the in-memory store. */
class InMemoryJtiStoreContractTests extends JtiStoreContract {

    private final InMemoryJtiStore store = new InMemoryJtiStore(Clock.systemUTC());

    @Override
    JtiStore store() {
        return store;
    }
}
