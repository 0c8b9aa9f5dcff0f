package io.ledgerline.contracts.rating;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.money.ExactCredits;
import io.ledgerline.contracts.usage.UsageRecorded.CostLine;
import io.ledgerline.contracts.usage.UsageRecorded.CustomerBilling;

import java.util.List;
import java.util.Objects;

/**
 * Turns usage into credits. Every public function computes with {@link ExactCredits} and rounds up
 * once, at the very end, so a sum of fractions is never rounded line by line.
 *
 * <p>Units: the platform cost is in platform credits; a customer charge is in the partner's AI
 * credits. Agent usage (R14) is charged per call second at the customer's price per minute
 * (prorated, not rounded up to whole minutes: a 61-second call costs 61/60 of a minute), plus each
 * LLM/STT/TTS cost line converted to AI credits, plus each tool call.
 */
public final class Rating {

    public static final long TOKENS_PER_MILLION = 1_000_000L;
    public static final long SECONDS_PER_MINUTE = 60L;
    public static final long PERCENT = 100L;

    /** R14: a tool call costs 0.03 credits unless the customer's terms say otherwise. */
    public static final Credits DEFAULT_TOOL_CALL_PRICE_UCR = Credits.parse("0.03");

    /** Cost lines of agent usage without customer terms convert one to one, without markup. */
    public static final CustomerBilling AT_COST =
            new CustomerBilling(PERCENT, Credits.ofCredits(1), Credits.ZERO);

    private Rating() {}

    /** What the tokens cost the platform, in platform credits, rounded up once. */
    public static Credits platformCost(ModelPrice price, long tokensIn, long tokensOut) {
        return exactPlatformCost(price, tokensIn, tokensOut).roundUp();
    }

    public static ExactCredits exactPlatformCost(ModelPrice price, long tokensIn, long tokensOut) {
        requireNotNegative(tokensIn, "tokensIn");
        requireNotNegative(tokensOut, "tokensOut");
        return ExactCredits.perUnit(tokensIn, price.inputPerMillionUcr(), TOKENS_PER_MILLION)
                .plus(
                        ExactCredits.perUnit(
                                tokensOut, price.outputPerMillionUcr(), TOKENS_PER_MILLION));
    }

    /**
     * What a customer pays in AI credits for tokens that cost the platform {@code platformCost}:
     * the larger of cost × multiplier and the floor per million tokens, at the AI-credit price.
     */
    public static Credits customerCharge(
            ExactCredits platformCost, long tokens, CustomerBilling billing) {
        return exactCustomerCharge(platformCost, tokens, billing).roundUp();
    }

    /** Rates tokens of a model straight into the customer's AI credits. */
    public static Credits customerCharge(
            ModelPrice price, long tokensIn, long tokensOut, CustomerBilling billing) {
        var cost = exactPlatformCost(price, tokensIn, tokensOut);
        return customerCharge(cost, Math.addExact(tokensIn, tokensOut), billing);
    }

    static ExactCredits exactCustomerCharge(
            ExactCredits platformCost, long tokens, CustomerBilling billing) {
        requireValid(billing);
        requireNotNegative(tokens, "tokens");
        var markedUp = platformCost.times(billing.profitMultiplierPercent(), PERCENT);
        var floorPerMillion =
                billing.minCostFloorPerMillionTokensUcr() == null
                        ? Credits.ZERO
                        : billing.minCostFloorPerMillionTokensUcr();
        var floor = ExactCredits.perUnit(tokens, floorPerMillion, TOKENS_PER_MILLION);
        return toAiCredits(markedUp.max(floor), billing.aiCreditPriceUcr());
    }

    /** R14 with the default tool-call price and cost lines converted at cost. */
    public static Credits agentUsage(
            long callSeconds, Credits pricePerMinuteUcr, long toolCalls, List<CostLine> costLines) {
        return agentUsage(
                callSeconds,
                pricePerMinuteUcr,
                toolCalls,
                DEFAULT_TOOL_CALL_PRICE_UCR,
                costLines,
                AT_COST);
    }

    /**
     * R14: call seconds × price per minute / 60, plus every cost line converted to AI credits by
     * {@code costTerms} (markup and AI-credit price; no token floor), plus tool calls × price.
     */
    public static Credits agentUsage(
            long callSeconds,
            Credits pricePerMinuteUcr,
            long toolCalls,
            Credits toolCallPriceUcr,
            List<CostLine> costLines,
            CustomerBilling costTerms) {
        requireNotNegative(callSeconds, "callSeconds");
        requireNotNegative(toolCalls, "toolCalls");
        requireNotNegative(pricePerMinuteUcr, "pricePerMinuteUcr");
        requireNotNegative(toolCallPriceUcr, "toolCallPriceUcr");
        var minutes = ExactCredits.perUnit(callSeconds, pricePerMinuteUcr, SECONDS_PER_MINUTE);
        var tools = ExactCredits.perUnit(toolCalls, toolCallPriceUcr, 1);
        return minutes.plus(tools).plus(exactCostLines(costLines, costTerms)).roundUp();
    }

    static ExactCredits exactCostLines(List<CostLine> costLines, CustomerBilling costTerms) {
        var platformCost = ExactCredits.ZERO;
        for (var line : costLines == null ? List.<CostLine>of() : costLines) {
            Objects.requireNonNull(line.amountUcr(), "cost line amount");
            requireNotNegative(line.amountUcr(), "cost line " + line.kind());
            platformCost = platformCost.plus(ExactCredits.of(line.amountUcr()));
        }
        return exactCustomerCharge(platformCost, 0, costTerms == null ? AT_COST : costTerms);
    }

    private static ExactCredits toAiCredits(ExactCredits platformUcr, Credits aiCreditPriceUcr) {
        return platformUcr.times(Credits.UCR_PER_CREDIT, aiCreditPriceUcr.ucr());
    }

    private static void requireValid(CustomerBilling billing) {
        Objects.requireNonNull(billing, "customer billing");
        if (billing.profitMultiplierPercent() < 0) {
            throw new IllegalArgumentException(
                    "profit multiplier must not be negative: " + billing.profitMultiplierPercent());
        }
        if (billing.aiCreditPriceUcr() == null || !billing.aiCreditPriceUcr().isPositive()) {
            throw new IllegalArgumentException(
                    "AI credit price must be positive: " + billing.aiCreditPriceUcr());
        }
        var floor = billing.minCostFloorPerMillionTokensUcr();
        if (floor != null && floor.isNegative()) {
            throw new IllegalArgumentException("cost floor must not be negative: " + floor);
        }
    }

    private static void requireNotNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }

    private static void requireNotNegative(Credits value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
