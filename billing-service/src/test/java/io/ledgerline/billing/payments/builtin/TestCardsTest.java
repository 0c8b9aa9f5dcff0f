package io.ledgerline.billing.payments.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.billing.payments.CardDetails;
import io.ledgerline.billing.payments.PaymentOutcome;
import io.ledgerline.contracts.problem.Refused;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;

class TestCardsTest {

    private static final YearMonth NOW = YearMonth.of(2030, 6);

    @Test
    void stripes_test_numbers_decide_the_outcome_and_only_brand_and_last_four_are_kept() {
        assertThat(read("4242 4242 4242 4242").behaviour()).isEqualTo(PaymentOutcome.SUCCEEDED);
        assertThat(read("4000000000000002").behaviour()).isEqualTo(PaymentOutcome.CARD_DECLINED);
        assertThat(read("4000-0000-0000-9995").behaviour())
                .isEqualTo(PaymentOutcome.INSUFFICIENT_FUNDS);
        assertThat(read("4000000000000119").behaviour()).isEqualTo(PaymentOutcome.PROCESSING_ERROR);
        var mastercard = read("5555555555554444");
        assertThat(mastercard.brand()).isEqualTo("mastercard");
        assertThat(mastercard.last4()).isEqualTo("4444");
        assertThat(read("378282246310005").brand()).isEqualTo("amex");
    }

    @Test
    void a_wrong_check_digit_and_an_expired_card_are_refused_without_echoing_the_number() {
        assertThatThrownBy(() -> read("4242424242424241"))
                .isInstanceOf(Refused.class)
                .hasMessageNotContaining("4242");
        assertThatThrownBy(() -> TestCards.read(new CardDetails("4242424242424242", 5, 2030), NOW))
                .isInstanceOf(Refused.class)
                .hasMessageContaining("expired");
        assertThat(new CardDetails("4242424242424242", 1, 2031).toString()).doesNotContain("4242");
    }

    private static TestCards.Card read(String number) {
        return TestCards.read(new CardDetails(number, 12, 2031), NOW);
    }
}
