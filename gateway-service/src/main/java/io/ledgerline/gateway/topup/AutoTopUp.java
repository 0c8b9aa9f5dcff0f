package io.ledgerline.gateway.topup;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.money.UsdCents;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.gateway.ledger.LedgerRefusal;
import io.ledgerline.gateway.livekey.AutoTopUpState;
import io.ledgerline.gateway.livekey.KeyRegistry;
import io.ledgerline.gateway.livekey.LiveKey;
import io.ledgerline.gateway.projection.LedgerProjection;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * R10 auto top-up of partner keys. After each settled request (and on a periodic sweep, which also
 * covers retries, a partner who added funds and a restart) the key's remaining budget is compared
 * with its threshold in memory; a key below it is topped up on this class's own small executor,
 * never on the request thread, with at most one attempt per key in flight.
 *
 * <p>A refusal (usually {@code INSUFFICIENT_CREDITS}) ends the trigger; the next one is not tried
 * before {@link #REFUSED_RETRY_MS} unless the partner's available balance has grown since. An
 * unreachable ledger leaves the trigger pending and retried with exponential back-off, with the
 * same command ids. Revoked and expired keys are never topped up.
 *
 * <p>Several instances may find one key low at once. The trigger is opened in the database by a
 * compare-and-set on its sequence ({@code KeyRepository.saveAutoTopUpIf}): one instance opens
 * trigger n, the others fail the set, reload the key (with the new funding once it is stored) and
 * look again at the next sweep. Two instances retrying one pending trigger send the same ledger
 * command ids, which the ledger answers once.
 */
@Component
public class AutoTopUp {

    static final int THREADS = 2;
    static final int MAX_QUEUED_TOP_UPS = 1_000;
    static final long REFUSED_RETRY_MS = TimeUnit.MINUTES.toMillis(10);
    static final long UNAVAILABLE_FIRST_RETRY_MS = 1_000;
    static final long UNAVAILABLE_MAX_RETRY_MS = TimeUnit.MINUTES.toMillis(5);
    private static final Logger log = LoggerFactory.getLogger(AutoTopUp.class);

    private final AutoTopUpFunding keys;
    private final KeyRegistry registry;
    private final LedgerProjection projection;
    private final Clock clock;
    private final Map<String, AtomicBoolean> inFlight = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor executor;

    AutoTopUp(
            AutoTopUpFunding keys, KeyRegistry registry, LedgerProjection projection, Clock clock) {
        this.keys = keys;
        this.registry = registry;
        this.projection = projection;
        this.clock = clock;
        var threads = new AtomicInteger();
        this.executor =
                new ThreadPoolExecutor(
                        THREADS,
                        THREADS,
                        0,
                        TimeUnit.MILLISECONDS,
                        new ArrayBlockingQueue<>(MAX_QUEUED_TOP_UPS),
                        task -> {
                            var thread =
                                    new Thread(task, "auto-top-up-" + threads.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    /**
     * Called on the request thread after a request was settled: a few reads of in-memory state
     * (usually only the newest pot) and at most one hand-off to the executor; never blocks.
     */
    public void afterCharge(LiveKey key) {
        var terms = key.config().autoTopUp();
        if (terms == null || key.revoked()) {
            return;
        }
        var flag = inFlight.get(key.keyId());
        if (flag == null) {
            flag = inFlight.computeIfAbsent(key.keyId(), id -> new AtomicBoolean());
        }
        if (flag.get() || !due(key, clock.instant())) {
            return;
        }
        if (flag.compareAndSet(false, true)) {
            start(key, flag);
        }
    }

    @Scheduled(fixedDelayString = "${ledgerline.gateway.auto-top-up.sweep-ms:1000}")
    public void sweep() {
        for (var key : registry.all()) {
            afterCharge(key);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private void start(LiveKey key, AtomicBoolean flag) {
        try {
            executor.execute(
                    () -> {
                        try {
                            // Checked again: a top-up that just finished may have covered it.
                            if (due(key, clock.instant())) {
                                attempt(key);
                            }
                        } catch (RuntimeException e) {
                            log.warn("auto top-up of key {} failed", key.keyId(), e);
                        } finally {
                            flag.set(false);
                        }
                    });
        } catch (RejectedExecutionException full) {
            flag.set(false);
        }
    }

    private boolean due(LiveKey key, Instant now) {
        var config = key.config();
        if (key.revoked() || (config.expiresAt() != null && !now.isBefore(config.expiresAt()))) {
            return false;
        }
        var state = key.autoTopUpState();
        var waited = state.retryNotBefore() == null || !now.isBefore(state.retryNotBefore());
        if (state.pending()) {
            return waited;
        }
        var threshold = UsdCents.toPlatformCredits(config.autoTopUp().thresholdCents());
        if (!below(key, threshold)) {
            return false;
        }
        return waited || partnerGrewSince(config.partnerId(), state.availableAtRefusal());
    }

    /**
     * Sums what is left of the pots, newest first, stopping once the threshold is reached: the
     * whole pot as this instance sees it, not its share ({@link
     * io.ledgerline.gateway.budget.Pot#ledgerFree}), because the threshold is the key's.
     */
    static boolean below(LiveKey key, Credits threshold) {
        var pots = key.budget();
        var free = Credits.ZERO;
        for (int i = pots.size() - 1; i >= 0; i--) {
            free = free.plus(pots.get(i).ledgerFree());
            if (!free.isLessThan(threshold)) {
                return false;
            }
        }
        return true;
    }

    private boolean partnerGrewSince(String partnerId, Credits availableAtRefusal) {
        return availableAtRefusal != null
                && projection.partnerAvailable(partnerId).isGreaterThan(availableAtRefusal);
    }

    private void attempt(LiveKey key) {
        var before = key.autoTopUpState();
        var attempt = before.attempting(clock.instant());
        if (!keys.recordAutoTopUp(key, before, attempt)) {
            // Another instance opened or closed this trigger; the next sweep looks again with
            // what it stored.
            return;
        }
        try {
            var done = keys.autoTopUp(key, attempt);
            log.info("auto top-up {} of key {} done", done.sequence(), key.keyId());
        } catch (LedgerRefusal refusal) {
            notDone(key, attempt, refusal.status(), refusal.code());
        } catch (Refused refused) {
            notDone(key, attempt, refused.code().httpStatus(), refused.code().name());
        }
    }

    private void notDone(LiveKey key, AutoTopUpState attempt, int status, String code) {
        var now = clock.instant();
        AutoTopUpState failed;
        if (status >= 500) {
            failed = attempt.unavailable(now.plusMillis(backOffMs(attempt)));
        } else {
            failed =
                    attempt.refused(
                            code,
                            now.plusMillis(REFUSED_RETRY_MS),
                            projection.partnerAvailable(key.config().partnerId()));
        }
        keys.recordAutoTopUp(key, attempt, failed);
        log.info("auto top-up {} of key {} not done: {}", attempt.sequence(), key.keyId(), code);
    }

    static long backOffMs(AutoTopUpState attempt) {
        int doublings = Math.min(attempt.consecutiveFailures(), 20);
        return Math.min(UNAVAILABLE_FIRST_RETRY_MS << doublings, UNAVAILABLE_MAX_RETRY_MS);
    }
}
