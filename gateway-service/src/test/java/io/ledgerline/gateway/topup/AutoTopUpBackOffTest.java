package io.ledgerline.gateway.topup;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.gateway.livekey.AutoTopUpState;

import org.junit.jupiter.api.Test;

import java.time.Instant;

/** R10: how an auto top-up trigger is numbered and retried, without Spring. */
class AutoTopUpBackOffTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void R10_an_unanswered_trigger_is_retried_with_its_number_and_growing_back_off() {
        var first = AutoTopUpState.NONE.attempting(NOW);
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(AutoTopUp.backOffMs(first)).isEqualTo(AutoTopUp.UNAVAILABLE_FIRST_RETRY_MS);

        var retry = first.unavailable(NOW.plusSeconds(1)).attempting(NOW.plusSeconds(1));
        assertThat(retry.sequence()).isEqualTo(1);
        assertThat(AutoTopUp.backOffMs(retry)).isEqualTo(2 * AutoTopUp.UNAVAILABLE_FIRST_RETRY_MS);

        var later = retry;
        for (int i = 0; i < 40; i++) {
            later = later.unavailable(NOW).attempting(NOW);
        }
        assertThat(later.sequence()).isEqualTo(1);
        assertThat(AutoTopUp.backOffMs(later)).isEqualTo(AutoTopUp.UNAVAILABLE_MAX_RETRY_MS);

        var done = later.toppedUp(NOW);
        assertThat(done.pending()).isFalse();
        assertThat(done.topUps()).isEqualTo(1);
        assertThat(done.attempting(NOW).sequence()).isEqualTo(2);
    }

    @Test
    void R10_a_refused_trigger_is_over_and_the_next_one_takes_a_new_number() {
        var refused =
                AutoTopUpState.NONE
                        .attempting(NOW)
                        .refused(
                                "INSUFFICIENT_CREDITS", NOW.plusSeconds(600), Credits.ofCredits(5));
        assertThat(refused.pending()).isFalse();
        assertThat(refused.lastResult()).isEqualTo("INSUFFICIENT_CREDITS");
        assertThat(refused.lastAttemptAt()).isEqualTo(NOW);
        assertThat(refused.topUps()).isZero();
        assertThat(refused.attempting(NOW).sequence()).isEqualTo(2);
    }
}
