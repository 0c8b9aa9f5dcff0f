package io.ledgerline.ledger.publish;

import io.ledgerline.contracts.ledger.event.LedgerEvent;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Publishes every ledger event to Kafka. The events of one processor batch are sent together and
 * acknowledged before the batch's transaction stores the processor's token; a failure rolls the
 * token back, so the processor retries the batch (with back-off) from the first unacknowledged
 * event: at-least-once, in order per account.
 */
@Component
@ProcessingGroup(KafkaPublishingHandler.PROCESSING_GROUP)
class KafkaPublishingHandler {

    static final String PROCESSING_GROUP = "ledger-kafka-publisher";
    private static final String BATCH_RESOURCE = KafkaPublishingHandler.class.getName() + ".batch";

    private final LedgerEventPublisher publisher;

    KafkaPublishingHandler(LedgerEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(LedgerEvent event) {
        currentBatch().add(event);
    }

    private List<LedgerEvent> currentBatch() {
        var unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(
                BATCH_RESOURCE,
                key -> {
                    var batch = new ArrayList<LedgerEvent>();
                    unitOfWork.onPrepareCommit(committing -> publisher.publish(batch));
                    return batch;
                });
    }
}
