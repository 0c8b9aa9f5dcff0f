package io.ledgerline.ledger.history;

import io.ledgerline.contracts.ledger.event.LedgerEvent;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Feeds the read side from the event store. The events of one processor batch are collected and
 * projected together just before the batch's transaction (which also stores the processor's token)
 * commits: one {@link ProjectionBatch}, written with JDBC batches.
 */
@ConditionalOnProperty(name = "ledgerline.read-side.enabled", matchIfMissing = true)
@Component
@ProcessingGroup(LedgerProjectionHandler.PROCESSOR)
class LedgerProjectionHandler {

    static final String PROCESSOR = "ledger-projections";
    private static final String BATCH_RESOURCE = LedgerProjectionHandler.class.getName() + ".batch";

    private final ReadSideStore store;
    private final ReadSideGuard guard;

    LedgerProjectionHandler(ReadSideStore store, ReadSideGuard guard) {
        this.store = store;
        this.guard = guard;
    }

    @EventHandler
    void on(LedgerEvent event, TrackingToken token) {
        long globalIndex =
                token.position()
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "a tracked event without a position: " + token));
        currentBatch().add(new TrackedEvent(globalIndex, event));
    }

    @ResetHandler
    void onReset() {
        store.truncate();
    }

    private List<TrackedEvent> currentBatch() {
        var unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(
                BATCH_RESOURCE,
                key -> {
                    var events = new ArrayList<TrackedEvent>();
                    unitOfWork.onPrepareCommit(committing -> project(events));
                    unitOfWork.afterCommit(committed -> guard.succeeded());
                    return events;
                });
    }

    /** Two reads for the whole batch (its balances, its already-applied events), then writes. */
    private void project(List<TrackedEvent> events) {
        var accounts = new HashSet<String>();
        var eventIds = new ArrayList<String>(events.size());
        for (var tracked : events) {
            accounts.addAll(ProjectionBatch.accountsOf(tracked.event()));
            eventIds.add(tracked.event().header().eventId());
        }
        var batch =
                new ProjectionBatch(store.balancesOf(accounts), store.appliedEventIds(eventIds));
        events.forEach(tracked -> batch.apply(tracked.globalIndex(), tracked.event()));
        store.write(batch);
    }

    private record TrackedEvent(long globalIndex, LedgerEvent event) {}
}
