package io.ledgerline.ledger.writer;

import io.ledgerline.ledger.account.CreditAccount;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.inspection.AggregateModel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The accounts one writer partition decides with. An account comes from the account cache or is
 * sourced from the event store, and applies its events to this partition's {@link StagedEvents}
 * rather than to Axon's unit of work: Axon looks through every event already staged in a unit of
 * work for each account it loads, which made a batch of n commands cost O(n²). The writer appends
 * what a batch staged in one go, then keeps the batch's accounts (it committed) or forgets them (it
 * did not: their state in memory is ahead of the store, or behind another instance's appends).
 */
final class PartitionAccounts {

    /** Partitions never share an account object: each is mutated by its partition's thread only. */
    record CacheKey(int partition, String accountId) {}

    private final int partition;
    private final EventStore eventStore;
    private final Cache cache;
    private final AggregateModel<CreditAccount> model;
    private final GenericAggregateFactory<CreditAccount> factory;
    private final StagedEvents staged = new StagedEvents();
    private final Map<String, EventSourcedAggregate<CreditAccount>> inBatch = new HashMap<>();

    PartitionAccounts(
            int partition,
            EventStore eventStore,
            Cache cache,
            AggregateModel<CreditAccount> model) {
        this.partition = partition;
        this.eventStore = eventStore;
        this.cache = cache;
        this.model = model;
        this.factory = new GenericAggregateFactory<>(model);
    }

    /** Starts a batch: nothing staged, no account taken yet. */
    void begin() {
        staged.clear();
        inBatch.clear();
    }

    Aggregate<CreditAccount> load(String accountId) {
        var account = inBatch.get(accountId);
        if (account == null) {
            account = cached(accountId);
            if (account == null) {
                account = source(accountId);
            }
            inBatch.put(accountId, account);
        }
        return account;
    }

    Aggregate<CreditAccount> open(Callable<CreditAccount> creation) throws Exception {
        var account =
                EventSourcedAggregate.initialize(
                        creation, model, staged, NoSnapshotTriggerDefinition.TRIGGER);
        inBatch.put(account.identifierAsString(), account);
        return account;
    }

    /** The events the batch's accounts applied, in the order they applied them. */
    List<EventMessage<?>> stagedEvents() {
        return staged.events();
    }

    /** The batch committed: its accounts are what the store now holds. */
    void keep() {
        inBatch.forEach((accountId, account) -> cache.put(key(accountId), account));
        begin();
    }

    /** The batch did not commit: its accounts are sourced again next time. */
    void forget() {
        inBatch.keySet().forEach(accountId -> cache.remove(key(accountId)));
        begin();
    }

    @SuppressWarnings("unchecked")
    private EventSourcedAggregate<CreditAccount> cached(String accountId) {
        Object entry = cache.get(key(accountId));
        return entry instanceof EventSourcedAggregate<?> account
                ? (EventSourcedAggregate<CreditAccount>) account
                : null;
    }

    private EventSourcedAggregate<CreditAccount> source(String accountId) {
        var events = eventStore.readEvents(accountId);
        if (!events.hasNext()) {
            throw new AggregateNotFoundException(accountId, "no events for account " + accountId);
        }
        var account =
                EventSourcedAggregate.initialize(
                        factory.createAggregateRoot(accountId, events.peek()),
                        model,
                        staged,
                        NoSnapshotTriggerDefinition.TRIGGER);
        account.initializeState(events);
        return account;
    }

    private CacheKey key(String accountId) {
        return new CacheKey(partition, accountId);
    }
}
