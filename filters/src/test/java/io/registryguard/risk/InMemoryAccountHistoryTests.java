package io.registryguard.risk;

class InMemoryAccountHistoryTests extends AccountHistoryContract {

    private final InMemoryAccountHistory history = new InMemoryAccountHistory(SETTINGS, 100);

    @Override
    AccountHistory history() {
        return history;
    }
}
