package io.ledgerline.ledger.writer;

import io.ledgerline.contracts.ledger.AccountId;
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
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.modelling.command.Repository;
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
 * takes what has queued up — up to the batch limit — and appends it in one unit of work and one
 * transaction (group commit). A batch that fails is retried one command at a time, so one bad
 * command or a concurrent writer elsewhere never takes its neighbours down with it.
 */
@Component
public class LedgerWriter implements CommandDoor, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerWriter.class);
    private static final long POLL_MS = 200;

    private final Repository<CreditAccount> accounts;
    private final CommandLog commandLog;
    private final ChargedUsageLog chargedUsageLog;
    private final AccountDirectory directory;
    private final ReservationDeadlines deadlines;
    private final TransactionManager transactionManager;
    private final Cache accountCache;
    private final WriterSettings settings;
    private final List<BlockingQueue<PendingCommand>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public LedgerWriter(
            @Qualifier("creditAccountRepository") Repository<CreditAccount> accounts,
            CommandLog commandLog,
            ChargedUsageLog chargedUsageLog,
            AccountDirectory directory,
            ReservationDeadlines deadlines,
            TransactionManager transactionManager,
            @Qualifier("accountCache") Cache accountCache,
            WriterSettings settings) {
        this.accounts = accounts;
        this.commandLog = commandLog;
        this.chargedUsageLog = chargedUsageLog;
        this.directory = directory;
        this.deadlines = deadlines;
        this.transactionManager = transactionManager;
        this.accountCache = accountCache;
        this.settings = settings;
        for (int i = 0; i < settings.partitions(); i++) {
            queues.add(new ArrayBlockingQueue<>(settings.queueCapacity()));
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

    private void drain(BlockingQueue<PendingCommand> queue) {
        var batch = new ArrayList<PendingCommand>(settings.maxBatchSize());
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, settings.maxBatchSize() - 1);
                process(batch);
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

    private void process(List<PendingCommand> batch) {
        try {
            complete(batch, runInUnitOfWork(batch));
        } catch (Exception batchFailure) {
            if (batch.size() == 1) {
                retryAlone(batch.get(0), batchFailure);
                return;
            }
            log.debug("batch of {} failed, retrying one by one", batch.size(), batchFailure);
            batch.forEach(this::forgetCachedAccounts);
            batch.forEach(pending -> retryAlone(pending, batchFailure));
        }
    }

    private void retryAlone(PendingCommand pending, Exception firstFailure) {
        Exception last = firstFailure;
        for (int attempt = 1; attempt <= WriterSettings.MAX_RETRIES; attempt++) {
            forgetCachedAccounts(pending);
            try {
                complete(List.of(pending), runInUnitOfWork(List.of(pending)));
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
     * A failed append usually means another instance wrote to the account first: the cached state
     * is stale, so the retry must source it again from the event store.
     */
    private void forgetCachedAccounts(PendingCommand pending) {
        var accountId = pending.command().accountId();
        accountCache.remove(accountId.value());
        directory
                .partnerOf(accountId)
                .ifPresent(partner -> accountCache.remove(AccountId.partner(partner).value()));
    }

    private List<CommandAnswer> runInUnitOfWork(List<PendingCommand> batch) throws Exception {
        var execution =
                new BatchExecution(accounts, commandLog, directory, deadlines, chargedUsageLog);
        // Axon's repositories expect a command in the unit of work; the batch is that command.
        var unitOfWork =
                DefaultUnitOfWork.startAndGet(
                        GenericCommandMessage.asCommandMessage(new CommandBatch(batch.size())));
        unitOfWork.attachTransaction(transactionManager);
        var outcome =
                unitOfWork.executeWithResult(
                        () -> execution.run(batch), RollbackConfigurationType.ANY_THROWABLE);
        if (outcome.isExceptional()) {
            var failure = outcome.exceptionResult();
            throw failure instanceof Exception e ? e : new IllegalStateException(failure);
        }
        execution.opened().forEach(directory::remember);
        return outcome.getPayload();
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
            var thread = new Thread(() -> drain(queue), "ledger-writer-" + i);
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
