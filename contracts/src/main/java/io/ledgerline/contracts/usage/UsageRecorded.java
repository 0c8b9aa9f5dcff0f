package io.ledgerline.contracts.usage;

import io.ledgerline.contracts.money.Credits;

import java.time.Instant;
import java.util.List;

/**
 * One metered use, as the gateway or an agent runtime reports it; billing rates it into credits.
 * {@code requestId} is unique per use and is the idempotency key all the way to the ledger.
 *
 * <p>Who pays: {@code customerId} (AI credits, marked up by {@code customerBilling}) when set, else
 * the partner. {@code budgetReservationId} names the partner key's budget reservation the platform
 * cost is settled from (partner keys); null for customer self-service keys.
 */
public record UsageRecorded(
        String eventId,
        String requestId,
        Source source,
        String keyId,
        String partnerId,
        String customerId,
        String model,
        long tokensIn,
        long tokensOut,
        long durationMs,
        long callSeconds,
        long toolCalls,
        List<CostLine> costLines,
        CustomerBilling customerBilling,
        String budgetReservationId,
        Instant occurredAt) {

    public enum Source {
        GATEWAY,
        AGENT_CALL,
        AGENT_CHAT
    }

    /** A provider cost an agent run reported (LLM, STT, TTS), in platform credits. */
    public record CostLine(Kind kind, Credits amountUcr) {
        public enum Kind {
            LLM,
            STT,
            TTS
        }
    }

    /**
     * How usage is billed on to a customer: platform cost × {@code profitMultiplierPercent} / 100,
     * at least {@code minCostFloorPerMillionTokensUcr} per million tokens, converted to AI credits
     * at {@code aiCreditPriceUcr} platform micro-credits per AI credit (1 cent = 1 platform
     * credit).
     */
    public record CustomerBilling(
            long profitMultiplierPercent,
            Credits aiCreditPriceUcr,
            Credits minCostFloorPerMillionTokensUcr) {}
}
