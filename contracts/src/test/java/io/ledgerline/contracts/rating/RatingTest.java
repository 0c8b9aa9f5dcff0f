package io.ledgerline.contracts.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.money.ExactCredits;
import io.ledgerline.contracts.usage.UsageRecorded.CostLine;
import io.ledgerline.contracts.usage.UsageRecorded.CustomerBilling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

class RatingTest {

    /** 0.4 and 0.2 credits per million tokens: one token costs a fraction of a micro-credit. */
    private static final ModelPrice TINY =
            new ModelPrice("tiny", Tier.BUDGET, Credits.parse("0.4"), Credits.parse("0.2"));

    private static final ModelCatalogue CATALOGUE = ModelCatalogue.standard();

    private static ModelPrice model(String name) {
        return name.equals("tiny") ? TINY : CATALOGUE.find(name).orElseThrow();
    }

    @ParameterizedTest(name = "{0}: {1} in + {2} out -> {3} µcr")
    @CsvSource({
        "tiny,                   1,       0,       1",
        "tiny,                   1,       1,       1",
        "tiny,                   2,       1,       1",
        "tiny,                   5,       0,       2",
        "tiny,                   0,       0,       0",
        "gpt-4o-mini,            1,       1,       75",
        "gpt-4o-mini,            1000,    500,     45000",
        "gpt-4o,                 3,       7,       7750",
        "gpt-4o,                 1000000, 1000000, 1250000000",
        "text-embedding-3-small, 12345,   0,       24690",
    })
    void platform_cost_is_tokens_times_price_rounded_up_once(
            String name, long tokensIn, long tokensOut, long expectedUcr) {
        assertThat(Rating.platformCost(model(name), tokensIn, tokensOut))
                .isEqualTo(Credits.ofMicros(expectedUcr));
    }

    @ParameterizedTest(name = "{0} {1}/{2} x{3}% at {4} cr, floor {5} -> {6} µcr")
    @CsvSource({
        "gpt-4o-mini, 1000, 500, 150, 1,   0,   67500",
        "gpt-4o-mini, 1000, 500, 150, 2,   0,   33750",
        "gpt-4o-mini, 1000, 500, 150, 3,   0,   22500",
        "gpt-4o-mini, 1000, 500, 150, 7,   0,   9643",
        "gpt-4o-mini, 1000, 500, 150, 0.5, 0,   135000",
        "gpt-4o-mini, 1000, 500, 150, 1,   100, 150000",
        "gpt-4o-mini, 1000, 500, 0,   1,   0,   0",
        "tiny,        1,    0,   150, 1,   0,   1",
        "tiny,        1,    0,   100, 3,   0,   1",
        "tiny,        2,    1,   300, 1,   0,   3",
    })
    void R10_customer_charge_is_marked_up_cost_or_floor_in_ai_credits_rounded_once(
            String name,
            long tokensIn,
            long tokensOut,
            long multiplierPercent,
            String aiCreditPriceCredits,
            String floorCreditsPerMillion,
            long expectedUcr) {
        var billing =
                new CustomerBilling(
                        multiplierPercent,
                        Credits.parse(aiCreditPriceCredits),
                        Credits.parse(floorCreditsPerMillion));
        assertThat(Rating.customerCharge(model(name), tokensIn, tokensOut, billing))
                .isEqualTo(Credits.ofMicros(expectedUcr));
    }

    @Test
    void R10_customer_charge_from_an_exact_cost_does_not_round_the_cost_first() {
        var billing = new CustomerBilling(150, Credits.ofCredits(1), null);
        var costOfOneTinyToken = Rating.exactPlatformCost(TINY, 1, 0);
        assertThat(Rating.customerCharge(costOfOneTinyToken, 1, billing))
                .isEqualTo(Credits.ofMicros(1));
    }

    @ParameterizedTest(name = "{0}s at {1} cr/min, {2} tools, lines {3}/{4}/{5} µcr -> {6} µcr")
    @CsvSource({
        "60, 10,  0, 0,      0,      0,      10000000",
        "61, 10,  0, 0,      0,      0,      10166667",
        "1,  1,   0, 0,      0,      0,      16667",
        "0,  0,   5, 0,      0,      0,      150000",
        "0,  0,   1, 0,      0,      0,      30000",
        "90, 2,   3, 500000, 250000, 125000, 3965000",
        "0,  0,   0, 1,      1,      1,      3",
        "0,  0,   0, 0,      0,      0,      0",
    })
    void R14_agent_usage_is_prorated_minutes_plus_cost_lines_plus_tool_calls(
            long callSeconds,
            String pricePerMinuteCredits,
            long toolCalls,
            long llmUcr,
            long sttUcr,
            long ttsUcr,
            long expectedUcr) {
        var charge =
                Rating.agentUsage(
                        callSeconds,
                        Credits.parse(pricePerMinuteCredits),
                        toolCalls,
                        costLines(llmUcr, sttUcr, ttsUcr));
        assertThat(charge).isEqualTo(Credits.ofMicros(expectedUcr));
    }

    @ParameterizedTest(name = "{0}s at {1} µcr/min, line {2} µcr at x{3}% and {4} cr -> {5} µcr")
    @CsvSource({
        "1,  30,      1,       100, 2, 1",
        "1,  30,      1,       100, 4, 1",
        "60, 1000000, 1000000, 200, 1, 3000000",
        "30, 1000000, 1000000, 100, 2, 1000000",
    })
    void R14_agent_cost_lines_convert_with_the_customer_terms_and_sum_before_one_round_up(
            long callSeconds,
            long pricePerMinuteUcr,
            long llmUcr,
            long multiplierPercent,
            long aiCreditPriceCredits,
            long expectedUcr) {
        var terms =
                new CustomerBilling(
                        multiplierPercent, Credits.ofCredits(aiCreditPriceCredits), Credits.ZERO);
        var charge =
                Rating.agentUsage(
                        callSeconds,
                        Credits.ofMicros(pricePerMinuteUcr),
                        0,
                        Rating.DEFAULT_TOOL_CALL_PRICE_UCR,
                        costLines(llmUcr, 0, 0),
                        terms);
        assertThat(charge).isEqualTo(Credits.ofMicros(expectedUcr));
    }

    @Test
    void R14_tool_calls_cost_three_hundredths_of_a_credit_by_default() {
        assertThat(Rating.DEFAULT_TOOL_CALL_PRICE_UCR).isEqualTo(Credits.ofMicros(30_000));
    }

    @Test
    void a_cost_beyond_the_range_of_credits_is_an_overflow_not_a_wrong_number() {
        assertThatThrownBy(() -> Rating.platformCost(model("gpt-4o"), Long.MAX_VALUE, 0))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(
                        () ->
                                Rating.agentUsage(
                                        Long.MAX_VALUE, Credits.ofCredits(1000), 0, List.of()))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(
                        () ->
                                Rating.customerCharge(
                                        model("gpt-4o"),
                                        Long.MAX_VALUE,
                                        1,
                                        new CustomerBilling(100, Credits.ofCredits(1), null)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void negative_quantities_and_non_positive_ai_credit_prices_are_refused() {
        assertThatThrownBy(() -> Rating.platformCost(TINY, -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rating.agentUsage(-1, Credits.ZERO, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        var freeAiCredits = new CustomerBilling(100, Credits.ZERO, null);
        assertThatThrownBy(() -> Rating.customerCharge(ExactCredits.ZERO, 0, freeAiCredits))
                .isInstanceOf(IllegalArgumentException.class);
        var negativeLine = List.of(new CostLine(CostLine.Kind.LLM, Credits.ofMicros(-1)));
        assertThatThrownBy(() -> Rating.agentUsage(0, Credits.ZERO, 0, negativeLine))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<CostLine> costLines(long llmUcr, long sttUcr, long ttsUcr) {
        var lines = new ArrayList<CostLine>();
        lines.add(new CostLine(CostLine.Kind.LLM, Credits.ofMicros(llmUcr)));
        lines.add(new CostLine(CostLine.Kind.STT, Credits.ofMicros(sttUcr)));
        lines.add(new CostLine(CostLine.Kind.TTS, Credits.ofMicros(ttsUcr)));
        return lines;
    }
}
