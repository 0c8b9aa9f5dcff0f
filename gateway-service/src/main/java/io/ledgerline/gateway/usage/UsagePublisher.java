package io.ledgerline.gateway.usage;

import io.ledgerline.contracts.usage.UsageRecorded;
import io.ledgerline.gateway.livekey.KeyConfig;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Emits one {@code usage.v1} event per answered request. The gateway only reports usage; billing
 * rates it and charges the ledger, idempotent on the request id.
 *
 * <p>{@link #publish} only queues the event (it runs on the request's event-loop thread); the usage
 * outbox writes it to PostgreSQL within milliseconds and sends it to Kafka from there. When the
 * outbox cannot keep up (database down), {@link #accepting()} turns false and the gateway refuses
 * new requests rather than serve usage nobody would be charged for.
 */
public class UsagePublisher {

    private final UsageOutbox outbox;

    UsagePublisher(UsageOutbox outbox) {
        this.outbox = outbox;
    }

    public record Use(
            String requestId,
            String model,
            long tokensIn,
            long tokensOut,
            long durationMs,
            long toolCalls,
            String budgetReservationId,
            Instant occurredAt) {}

    /** Whether usage can still be recorded; costs one volatile read. */
    public boolean accepting() {
        return outbox.accepting();
    }

    public UsageRecorded publish(KeyConfig key, Use use) {
        var event =
                new UsageRecorded(
                        randomEventId(),
                        use.requestId(),
                        UsageRecorded.Source.GATEWAY,
                        key.keyId(),
                        key.partnerId(),
                        key.customerId(),
                        use.model(),
                        use.tokensIn(),
                        use.tokensOut(),
                        use.durationMs(),
                        0,
                        use.toolCalls(),
                        List.of(),
                        key.customerBilling(),
                        use.budgetReservationId(),
                        use.occurredAt());
        var recordKey = key.customerId() != null ? key.customerId() : key.keyId();
        outbox.add(recordKey, event);
        return event;
    }

    /**
     * A random version-4 UUID from the thread's own generator: {@code UUID.randomUUID()} takes
     * SecureRandom's lock on every request's event-loop thread, and an event id needs to be unique,
     * not secret.
     */
    static String randomEventId() {
        var random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~0xC000_0000_0000_0000L) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
