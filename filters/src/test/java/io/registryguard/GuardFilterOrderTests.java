package io.registryguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class GuardFilterOrderTests {

    @Test
    void ordersWhenListedThenTheyRunInDeclarationOrder() {
        List<Integer> orders = Arrays.stream(GuardFilterOrder.values()).map(GuardFilterOrder::order).toList();
        assertThat(orders).isSorted();
    }

    @Test
    void globalFiltersWhenOrderedThenClassificationFirstAndStepUpAfterTheSequenceRules() {
        assertThat(GuardFilterOrder.ROUTE_CLASSIFICATION.order()).isLessThan(GuardFilterOrder.GUARD_SESSION.order());
        assertThat(GuardFilterOrder.GUARD_SESSION.order()).isLessThan(GuardFilterOrder.LOGIN_GUARD.order());
        assertThat(GuardFilterOrder.SEQUENCE_RULES.order()).isLessThan(GuardFilterOrder.STEP_UP.order());
        // Spring Cloud Gateway's own routing filters run at 0 and later: every guard filter decides before them
        assertThat(GuardFilterOrder.STEP_UP.order()).isNegative();
    }
}
