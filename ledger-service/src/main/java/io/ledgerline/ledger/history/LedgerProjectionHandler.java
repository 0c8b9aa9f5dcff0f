package io.ledgerline.ledger.history;

import io.ledgerline.contracts.ledger.event.LedgerEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Feeds the read side from the event store. The events of one processor batch collect in one
 * {@link ProjectionBatch}; its rows are written with JDBC batches just before the batch's
 * transaction (which also stores the processor's token) commits.
 */
@ConditionalOnProperty(name = "ledgerline.read-side.enabled", matchIfMissing = true)
@Component
@ProcessingGroup(LedgerProjectionHandler.PROCESSOR)
class LedgerProjectionHandler {

    static final String PROCESSOR = "ledger-projections";
    private static final String BATCH_RESOURCE = LedgerProjectionHandler.class.getName() + ".batch";

    private final ReadSideStore store;

    LedgerProjectionHandler(ReadSideStore store) {
        this.store = store;
    }

    @EventHandler
    void on(LedgerEvent event, TrackingToken token) {
        long globalIndex = token.position().orElseThrow(
                () -> new IllegalStateException("a tracked event without a position: " + token));
        currentBatch().apply(globalIndex, event);
    }

    @ResetHandler
    void onReset() {
        store.truncate();
    }

    private ProjectionBatch currentBatch() {
        var unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH_RESOURCE, key -> {
            var batch = new ProjectionBatch(store::balanceOf);
            unitOfWork.onPrepareCommit(committing -> store.write(batch));
            return batch;
        });
    }
}
