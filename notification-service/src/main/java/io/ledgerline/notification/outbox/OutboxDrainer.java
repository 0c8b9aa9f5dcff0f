package io.ledgerline.notification.outbox;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.notification.alert.Alert;
import io.ledgerline.notification.mail.AlertMail;
import io.ledgerline.notification.webhook.WebhookSender;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Drains the outbox: claims what is due, sends it, and records the outcome. A failure waits with
 * exponential back-off and jitter and is tried again until its retry window closes; then it is
 * marked failed. An SMTP server or webhook receiver that is down delays deliveries, loses none.
 */
@Component
class OutboxDrainer {

    private static final Logger log = LoggerFactory.getLogger(OutboxDrainer.class);

    private final Outbox outbox;
    private final AlertMail mail;
    private final WebhookSender webhooks;
    private final DeliveryProperties properties;
    private final Clock clock;

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
    }

    @Scheduled(fixedDelayString = "${ledgerline.notification.delivery.poll-ms}")
    void drain() {
        var now = clock.instant();
        var due = outbox.claim(properties.batchSize(), now, now.plusMillis(properties.leaseMs()));
        for (var delivery : due) {
            try {
                deliver(delivery);
            } catch (RuntimeException e) {
                log.warn("delivery {} failed unexpectedly", delivery.deliveryId(), e);
                retryOrFail(delivery, null, e.getClass().getSimpleName(), true);
            }
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
