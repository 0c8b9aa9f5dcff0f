package io.ledgerline.billing.metering;

import java.time.Instant;

/**
 * One row of Detailed Usage. Platform cost is in platform micro-credits, the customer charge in the
 * partner's AI micro-credits (null when the customer was not billed for this use).
 */
record UsageRow(
        String requestId,
        String source,
        String customerId,
        String partnerId,
        String keyId,
        String model,
        long tokensIn,
        long tokensOut,
        long callSeconds,
        long toolCalls,
        long platformCostUcr,
        Long customerChargeUcr,
        String status,
        String refusalCode,
        String platformOutcome,
        String customerOutcome,
        Instant occurredAt,
        Instant chargedAt) {}
