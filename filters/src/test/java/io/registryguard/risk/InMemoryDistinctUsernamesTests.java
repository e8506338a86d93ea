package io.registryguard.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemoryDistinctUsernamesTests extends DistinctUsernamesContract {

    private final InMemoryDistinctUsernames store = new InMemoryDistinctUsernames(BUCKETS, 2, 50);

    @Override
    DistinctUsernames store() {
        return store;
    }

    @Test
    void addAndCountWhenMoreUsernamesThanBoundThenCountSaturatesAtBound() {
        long count = 0;
        for (int i = 0; i < 80; i++) {
            count = store.addAndCount(source, "user" + i, T0).block();
        }

        assertThat(count).isEqualTo(50);
    }

    @Test
    void addAndCountWhenMoreSourcesThanBoundThenLeastRecentlyUsedForgotten() {
        store.addAndCount("a", "x", T0).block();
        store.addAndCount("b", "x", T0).block();
        store.addAndCount("c", "x", T0).block();

        assertThat(store.addAndCount("a", "y", T0).block()).isEqualTo(1);
    }
}
