package io.ledgerline.gateway.status;

import io.ledgerline.contracts.gateway.KeyStatusChanged;
import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.gateway.kafka.EventPublisher;
import io.ledgerline.gateway.livekey.LiveKey;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/** Publishes key status changes to {@code gateway.keys.v1}, keyed by key id. */
@Component
public class KeyStatusPublisher {

    private final EventPublisher publisher;
    private final Clock clock;

    public KeyStatusPublisher(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /** {@code eventId} may be derived from the cause so a replayed cause publishes the same id. */
    public void publish(
            LiveKey key, KeyStatusChanged.KeyStatus status, String reason, String eventId) {
        var config = key.config();
        var event =
                new KeyStatusChanged(
                        eventId == null ? UUID.randomUUID().toString() : eventId,
                        config.keyId(),
                        config.partnerId(),
                        config.customerId(),
                        config.kind(),
                        status,
                        reason,
                        clock.instant());
        publisher.publish(Topics.GATEWAY_KEYS.name(), config.keyId(), event.eventId(), event);
    }
}
