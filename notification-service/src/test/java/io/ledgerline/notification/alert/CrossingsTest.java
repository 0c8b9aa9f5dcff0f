package io.ledgerline.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

class CrossingsTest {

    private static final List<Watch> THRESHOLD_50 =
            List.of(new Watch(AlertKind.LOW_CREDIT, 50, false));

    private static List<AlertKind> run(List<Watch> watches, long... balances) {
        Set<AlertKind> armed = EnumSet.allOf(AlertKind.class);
        var fired = new ArrayList<AlertKind>();
        for (long balance : balances) {
            var outcome = Crossings.evaluate(armed, balance, watches);
            fired.addAll(outcome.fired());
            armed = outcome.armed();
        }
        return fired;
    }

    @Test
    void R15_fires_once_per_downward_crossing() {
        assertThat(run(THRESHOLD_50, 100, 60, 50, 40, 10, 0)).containsExactly(AlertKind.LOW_CREDIT);
    }

    @Test
    void R15_rearms_only_once_back_above_the_threshold() {
        assertThat(run(THRESHOLD_50, 100, 40, 50, 45, 51, 30))
                .containsExactly(AlertKind.LOW_CREDIT, AlertKind.LOW_CREDIT);
    }

    @Test
    void R9_reserve_is_strict_a_balance_at_1000_is_not_below() {
        var reserve = List.of(new Watch(AlertKind.RESERVE_BREACHED, 1_000, true));
        assertThat(run(reserve, 5_000, 1_000)).isEmpty();
        assertThat(run(reserve, 5_000, 999, 1_000, 999)).hasSize(2);
    }
}
