package io.ledgerline.gateway.usage;

import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.contracts.usage.UsageRecorded;
import io.ledgerline.gateway.kafka.EventPublisher;
import io.ledgerline.gateway.key.KeyConfig;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Emits one {@code usage.v1} event per answered request. The gateway only reports usage; billing
 * rates it and charges the ledger, idempotent on the request id.
 */
@Component
public class UsagePublisher {

    private final EventPublisher publisher;

    public UsagePublisher(EventPublisher publisher) {
        this.publisher = publisher;
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

    public UsageRecorded publish(KeyConfig key, Use use) {
        var event =
                new UsageRecorded(
                        UUID.randomUUID().toString(),
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
        publisher.publish(Topics.USAGE.name(), recordKey, event.eventId(), event);
        return event;
    }
}
