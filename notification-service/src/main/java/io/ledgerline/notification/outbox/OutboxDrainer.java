package io.ledgerline.notification.outbox;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.notification.alert.Alert;
import io.ledgerline.notification.mail.AlertMail;
import io.ledgerline.notification.webhook.WebhookSender;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drains the outbox: claims what is due, sends it, and records the outcome. A failure waits with
 * exponential back-off and jitter and is tried again until its retry window closes; then it is
 * marked failed. An SMTP server or webhook receiver that is down delays deliveries, loses none.
 *
 * <p>One thread claims, {@code senders} threads send, so one slow receiver does not hold up the
 * others' alerts. The claiming thread is woken as soon as a transaction that queued deliveries has
 * committed; the poll every {@code pollMs} remains for what nobody rings for: retries that fall
 * due, deliveries left by an instance that stopped, and leases that ran out.
 */
@Component
class OutboxDrainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxDrainer.class);

    /** How long a stop waits for the sends under way to finish and be recorded. */
    private static final long STOP_WAIT_MS = 15_000;

    private final Outbox outbox;
    private final AlertMail mail;
    private final WebhookSender webhooks;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final WakeUp wakeUp = new WakeUp();
    private final Semaphore idleSenders;
    private volatile boolean running;
    private Thread claimer;
    private ExecutorService senders;

    OutboxDrainer(
            Outbox outbox,
            AlertMail mail,
            WebhookSender webhooks,
            DeliveryProperties properties,
            Clock clock) {
        this.outbox = outbox;
        this.mail = mail;
        this.webhooks = webhooks;
        this.properties = properties;
        this.clock = clock;
        this.idleSenders = new Semaphore(properties.senders());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onQueued(DeliveriesQueued queued) {
        wakeUp.ring();
    }

    @Override
    public void start() {
        var number = new AtomicInteger();
        senders =
                Executors.newFixedThreadPool(
                        properties.senders(),
                        task -> {
                            var thread =
                                    new Thread(task, "outbox-sender-" + number.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
        running = true;
        claimer = new Thread(this::drainUntilStopped, "outbox-drainer");
        claimer.setDaemon(true);
        claimer.start();
    }

    /** Claims no more; what is being sent is sent and recorded, so a restart resends none of it. */
    @Override
    public void stop() {
        running = false;
        wakeUp.ring();
        try {
            claimer.join(STOP_WAIT_MS);
            senders.shutdown();
            if (!senders.awaitTermination(STOP_WAIT_MS, TimeUnit.MILLISECONDS)) {
                log.warn("deliveries still sending at shutdown; their leases let them be resent");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void drainUntilStopped() {
        while (running) {
            boolean more;
            try {
                more = drainOnce();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("cannot claim deliveries; trying again in {} ms", properties.pollMs(), e);
                more = false;
            }
            if (!more) {
                try {
                    wakeUp.await(properties.pollMs());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * Claims as many due deliveries as there are idle senders (at most a batch) and hands them
     * over; true when every idle sender got one (or none was idle), so more may be due at once.
     */
    private boolean drainOnce() throws InterruptedException {
        if (!idleSenders.tryAcquire(properties.pollMs(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        int idle = 1 + idleSenders.drainPermits();
        int wanted = Math.min(idle, properties.batchSize());
        idleSenders.release(idle - wanted);
        var now = clock.instant();
        List<Outbox.Due> due;
        try {
            due = outbox.claim(wanted, now, now.plusMillis(properties.leaseMs()));
        } catch (RuntimeException e) {
            idleSenders.release(wanted);
            throw e;
        }
        idleSenders.release(wanted - due.size());
        for (var delivery : due) {
            senders.execute(() -> sendThenFree(delivery));
        }
        return due.size() == wanted;
    }

    private void sendThenFree(Outbox.Due delivery) {
        try {
            deliver(delivery);
        } catch (RuntimeException e) {
            log.warn("delivery {} failed unexpectedly", delivery.deliveryId(), e);
            try {
                retryOrFail(delivery, null, e.getClass().getSimpleName(), true);
            } catch (RuntimeException recording) {
                // Its lease runs out and it is claimed again: late, not lost.
                log.warn("cannot record delivery {}", delivery.deliveryId(), recording);
            }
        } finally {
            idleSenders.release();
        }
    }

    private void deliver(Outbox.Due delivery) {
        switch (delivery.channel()) {
            case EMAIL -> sendMail(delivery);
            case WEBHOOK -> sendWebhook(delivery);
        }
    }

    private void sendMail(Outbox.Due delivery) {
        var alert =
                ContractJson.fromBytes(
                        delivery.payload().getBytes(StandardCharsets.UTF_8), Alert.class);
        try {
            mail.send(delivery.target(), alert, delivery.deliveryId());
            outbox.sent(delivery, null, clock.instant());
        } catch (MailException e) {
            retryOrFail(delivery, null, "SMTP: " + e.getMessage(), true);
        }
    }

    private void sendWebhook(Outbox.Due delivery) {
        var kind = delivery.alertId().substring(0, delivery.alertId().indexOf(':'));
        var outcome =
                webhooks.deliver(
                        delivery.endpointId(), delivery.deliveryId(), kind, delivery.payload());
        if (outcome.delivered()) {
            outbox.sent(delivery, outcome.statusCode(), clock.instant());
        } else {
            retryOrFail(delivery, outcome.statusCode(), outcome.error(), outcome.retry());
        }
    }

    private void retryOrFail(Outbox.Due delivery, Integer status, String error, boolean retry) {
        var now = clock.instant();
        long waitMs =
                Backoff.delayMs(
                        delivery.attempts(),
                        properties.initialBackoffMs(),
                        properties.maxBackoffMs(),
                        bound -> ThreadLocalRandom.current().nextLong(bound));
        Instant next = now.plusMillis(waitMs);
        if (!retry || next.isAfter(delivery.deadlineAt())) {
            outbox.failed(delivery, status, error, now);
        } else {
            outbox.retryAt(delivery, next, status, error, now);
        }
    }
}
