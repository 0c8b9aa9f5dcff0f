package io.ledgerline.gateway.livekey;

import io.ledgerline.contracts.gateway.KeyChanged;
import io.ledgerline.contracts.problem.GatewayRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.gateway.kafka.EventPublisher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/**
 * Tells every gateway instance that a key's row changed ({@code gateway.key-changes.v1}), after the
 * change is committed. Waits for the broker's acknowledgement, so once a regenerate or revoke call
 * has answered, the other instances are only their consumer's latency away from refusing the old
 * secret ({@link KeyChangeFollower}).
 */
@Component
public class KeyChangePublisher {

    static final long ACK_TIMEOUT_MS = 5_000;
    private static final Logger log = LoggerFactory.getLogger(KeyChangePublisher.class);

    private final EventPublisher publisher;
    private final Clock clock;

    public KeyChangePublisher(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Throws {@link Refused} {@code KEY_CHANGE_NOT_ANNOUNCED} (503) when the broker did not
     * acknowledge: the change is saved, and the same command again (a replay) announces it again;
     * the periodic resync catches it too.
     */
    public void announce(LiveKey key, KeyChanged.Change change) {
        var event =
                new KeyChanged(
                        UUID.randomUUID().toString(),
                        key.keyId(),
                        key.config().partnerId(),
                        change,
                        clock.instant());
        try {
            publisher.publishAndWait(
                    Topics.GATEWAY_KEY_CHANGES.name(),
                    key.keyId(),
                    event.eventId(),
                    event,
                    ACK_TIMEOUT_MS);
        } catch (IllegalStateException e) {
            log.warn("key {} {}: other gateway instances not told", key.keyId(), change, e);
            throw new Refused(
                    GatewayRefusal.KEY_CHANGE_NOT_ANNOUNCED,
                    "the change is saved but other gateway instances may not know it yet; "
                            + "retry with the same commandId");
        }
    }
}
