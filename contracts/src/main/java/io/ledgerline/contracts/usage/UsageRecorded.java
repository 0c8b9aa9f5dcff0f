package io.ledgerline.contracts.usage;

import java.time.Instant;

/**
 * One metered use, as the gateway or an agent runtime reports it; billing rates it into credits.
 * {@code requestId} is unique per use and is the idempotency key all the way to the ledger.
 * {@code customerId} is null for a partner key that bills no customer.
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
        Instant occurredAt) {

    public enum Source { GATEWAY, AGENT_CALL, AGENT_CHAT }
}
