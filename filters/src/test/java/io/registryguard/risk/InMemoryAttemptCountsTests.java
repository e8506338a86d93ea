package io.registryguard.risk;

class InMemoryAttemptCountsTests extends AttemptCountsContract {

    private final InMemoryAttemptCounts store = new InMemoryAttemptCounts(BUCKETS, 100);

    @Override
    AttemptCounts store() {
        return store;
    }
}
