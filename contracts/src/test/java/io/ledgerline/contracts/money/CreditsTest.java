package io.ledgerline.contracts.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.contracts.json.ContractJson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreditsTest {

    @ParameterizedTest(name = "{0} credits = {1} ucr")
    @CsvSource({"1, 1000000", "0.000001, 1", "12.5, 12500000", "-3.25, -3250000", "0, 0"})
    void parses_decimal_credits_exactly(String decimal, long ucr) {
        assertThat(Credits.parse(decimal).ucr()).isEqualTo(ucr);
    }

    @Test
    void refuses_fractions_of_a_micro_credit_and_overflow() {
        assertThatThrownBy(() -> Credits.parse("0.0000001"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Credits.parse("99999999999999"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Credits.ofMicros(Long.MAX_VALUE).plus(Credits.ofMicros(1)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Credits.ofCredits(Long.MAX_VALUE / 1000))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void serialises_as_a_plain_integer_of_micro_credits() {
        assertThat(new String(ContractJson.toBytes(Credits.parse("1.5")))).isEqualTo("1500000");
        assertThat(ContractJson.fromBytes("42".getBytes(), Credits.class))
                .isEqualTo(Credits.ofMicros(42));
    }

    @ParameterizedTest(name = "{0}/{1} µcr rounds up to {2}")
    @CsvSource({"4, 10, 1", "10, 10, 1", "11, 10, 2", "-4, 10, 0", "-15, 10, -1", "0, 7, 0"})
    void rounds_up_once_towards_positive_infinity(long numerator, long per, long expected) {
        assertThat(ExactCredits.perUnit(numerator, Credits.ofMicros(1), per).roundUp().ucr())
                .isEqualTo(expected);
    }

    @Test
    void sums_fractions_before_rounding() {
        var third = ExactCredits.perUnit(1, Credits.ofMicros(1), 3);
        assertThat(third.plus(third).plus(third).roundUp()).isEqualTo(Credits.ofMicros(1));
        assertThat(third.roundUp().plus(third.roundUp()).plus(third.roundUp()))
                .isEqualTo(Credits.ofMicros(3));
    }
}
