package io.registryguard.sequence;

import java.time.Clock;

/** The history contract on the in-memory store. */
class InMemorySequenceHistoryContractTests extends SequenceHistoryContract {

    private final InMemorySequenceHistory store = new InMemorySequenceHistory(RETENTION, MAX_EVENTS_PER_KEY, 1000,
            Clock.systemUTC());

    @Override
    SequenceHistory store() {
        return store;
    }
}
