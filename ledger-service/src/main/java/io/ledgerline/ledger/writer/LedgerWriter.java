package io.ledgerline.ledger.writer;

import io.ledgerline.contracts.ledger.command.CommandResult;
import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.contracts.ledger.command.OpenAccount;
import io.ledgerline.ledger.account.CreditAccount;
import io.ledgerline.ledger.api.CommandAnswer;
import io.ledgerline.ledger.api.CommandDoor;
import io.ledgerline.ledger.api.LedgerBusyException;
import io.ledgerline.ledger.reservation.ReservationDeadlines;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The ledger's single door for commands. Commands queue per partition (all of one partner's
 * accounts share a partition, so nothing contends inside this process); each partition's thread
 * takes what has queued up — up to the batch limit — decides it against the partition's cached
 * accounts and appends it in one transaction: every event in one JDBC batch through Axon's event
 * store, with the command log and the charged usage ids in one statement (group commit). A batch
 * whose append conflicts with another instance's is retried after sourcing its accounts again; a
 * batch that still fails is retried one command at a time, so one bad command never takes its
 * neighbours down with it.
 */
@Component
public class LedgerWriter implements CommandDoor, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerWriter.class);
    private static final long POLL_MS = 200;

    private final EventStore eventStore;
    private final CommandLog commandLog;
    private final AccountDirectory directory;
    private final ReservationDeadlines deadlines;
    private final TransactionManager transactionManager;
    private final WriterSettings settings;
    private final List<BlockingQueue<PendingCommand>> queues = new ArrayList<>();
    private final List<PartitionAccounts> partitionAccounts = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public LedgerWriter(
            EventStore eventStore,
            CommandLog commandLog,
            AccountDirectory directory,
            ReservationDeadlines deadlines,
            TransactionManager transactionManager,
            @Qualifier("accountCache") Cache accountCache,
            WriterSettings settings) {
        this.eventStore = eventStore;
        this.commandLog = commandLog;
        this.directory = directory;
        this.deadlines = deadlines;
        this.transactionManager = transactionManager;
        this.settings = settings;
        var model = AnnotatedAggregateMetaModelFactory.inspectAggregate(CreditAccount.class);
        for (int i = 0; i < settings.partitions(); i++) {
            queues.add(new ArrayBlockingQueue<>(settings.queueCapacity()));
            partitionAccounts.add(new PartitionAccounts(i, eventStore, accountCache, model));
        }
    }

    @Override
    public CompletableFuture<CommandResult> submit(LedgerCommand command) {
        return submitForAnswer(command).thenApply(CommandAnswer::result);
    }

    @Override
    public CompletableFuture<CommandAnswer> submitForAnswer(LedgerCommand command) {
        var invalid = CommandValidation.check(command);
        if (invalid.isPresent()) {
            return CompletableFuture.completedFuture(new CommandAnswer(invalid.get(), false));
        }
        var pending = new PendingCommand(command);
        if (!queues.get(partitionOf(command)).offer(pending)) {
            return CompletableFuture.failedFuture(
                    new LedgerBusyException("the ledger is busy; retry with the same commandId"));
        }
        return pending.answer();
    }

    private int partitionOf(LedgerCommand command) {
        String partner =
                command instanceof OpenAccount open
                        ? open.partnerId()
                        : directory
                                .partnerOf(command.accountId())
                                .orElse(command.accountId().holderId());
        return Math.floorMod(partner.hashCode(), queues.size());
    }

    private void drain(BlockingQueue<PendingCommand> queue, PartitionAccounts accounts) {
        var batch = new ArrayList<PendingCommand>(settings.maxBatchSize());
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, settings.maxBatchSize() - 1);
                process(batch, accounts);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("writer partition failed a batch of {}", batch.size(), e);
                batch.forEach(p -> p.answer().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void process(List<PendingCommand> batch, PartitionAccounts accounts) {
        Exception failure = null;
        for (int attempt = 1; attempt <= WriterSettings.MAX_BATCH_ATTEMPTS; attempt++) {
            try {
                complete(batch, append(batch, accounts));
                return;
            } catch (Exception e) {
                failure = e;
                if (!AppendConflicts.isConflict(e)) {
                    break;
                }
                log.debug("batch of {} conflicted, retrying it", batch.size(), e);
                backOff(attempt);
            }
        }
        if (batch.size() == 1) {
            retryAlone(batch.get(0), accounts, failure);
            return;
        }
        log.debug("batch of {} failed, retrying one by one", batch.size(), failure);
        for (var pending : batch) {
            retryAlone(pending, accounts, failure);
        }
    }

    private void retryAlone(
            PendingCommand pending, PartitionAccounts accounts, Exception firstFailure) {
        Exception last = firstFailure;
        for (int attempt = 1; attempt <= WriterSettings.MAX_RETRIES; attempt++) {
            try {
                complete(List.of(pending), append(List.of(pending), accounts));
                return;
            } catch (Exception e) {
                last = e;
                backOff(attempt);
            }
        }
        log.warn(
                "command {} failed after {} attempts",
                pending.command().commandId(),
                WriterSettings.MAX_RETRIES,
                last);
        pending.answer().completeExceptionally(last);
    }

    /** Random, growing pauses, so two instances fighting over one account stop colliding. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(
                    ThreadLocalRandom.current()
                            .nextLong(1, 1L + attempt * WriterSettings.RETRY_BACKOFF_STEP_MS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Decides the batch and appends it in one transaction. Axon's unit of work carries the
     * transaction and the event store's append: the events staged by the accounts are handed to the
     * event store once, after every command is decided, so it stages them once and writes them in
     * one JDBC batch at commit (and wakes its tracking processors after it). A failed append
     * usually means another instance wrote to an account first, so the batch's accounts are
     * forgotten and sourced again from the store on the next attempt.
     */
    private List<CommandAnswer> append(List<PendingCommand> batch, PartitionAccounts accounts)
            throws Exception {
        accounts.begin();
        var execution = new BatchExecution(accounts, commandLog, directory, deadlines);
        // Axon's unit of work expects a message; the batch is that message.
        var unitOfWork =
                DefaultUnitOfWork.startAndGet(
                        GenericCommandMessage.asCommandMessage(new CommandBatch(batch.size())));
        unitOfWork.attachTransaction(transactionManager);
        try {
            var outcome =
                    unitOfWork.executeWithResult(
                            () -> {
                                var answers = execution.run(batch);
                                eventStore.publish(accounts.stagedEvents());
                                return answers;
                            },
                            RollbackConfigurationType.ANY_THROWABLE);
            if (outcome.isExceptional()) {
                var failure = outcome.exceptionResult();
                throw failure instanceof Exception e ? e : new IllegalStateException(failure);
            }
            accounts.keep();
            execution.opened().forEach(directory::remember);
            return outcome.getPayload();
        } catch (Exception | Error e) {
            accounts.forget();
            throw e;
        }
    }

    /** The payload of a writer's unit of work: a group commit of this many commands. */
    record CommandBatch(int size) {}

    private static void complete(List<PendingCommand> batch, List<CommandAnswer> answers) {
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(answers.get(i));
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < queues.size(); i++) {
            var queue = queues.get(i);
            var accounts = partitionAccounts.get(i);
            var thread = new Thread(() -> drain(queue, accounts), "ledger-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    @Override
    public void stop() {
        running = false;
        for (var thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
