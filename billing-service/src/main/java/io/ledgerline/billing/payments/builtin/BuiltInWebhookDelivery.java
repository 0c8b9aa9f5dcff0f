package io.ledgerline.billing.payments.builtin;

import io.ledgerline.billing.payments.WebhookSignature;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Delivers the built-in provider's events to the webhook as a provider would: signed at the moment
 * of sending, at least once, retried with back-off until the endpoint answers 2xx, in the order
 * they happened as far as one batch goes.
 */
@Component
@ConditionalOnProperty(
        name = "ledgerline.billing.payments.provider",
        havingValue = "builtin",
        matchIfMissing = true)
class BuiltInWebhookDelivery {

    static final String WEBHOOK_PATH = "/api/v1/payment-provider/webhook";
    private static final Logger log = LoggerFactory.getLogger(BuiltInWebhookDelivery.class);
    private static final int BATCH = 50;

    private final BuiltInEvents events;
    private final BuiltInWebhookSecret secret;
    private final BuiltInProperties properties;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile String url;

    BuiltInWebhookDelivery(
            BuiltInEvents events,
            BuiltInWebhookSecret secret,
            BuiltInProperties properties,
            Clock clock) {
        this.events = events;
        this.secret = secret;
        this.properties = properties;
        this.clock = clock;
        if (properties.webhookUrl() != null && !properties.webhookUrl().isBlank()) {
            this.url = properties.webhookUrl();
        }
    }

    /** Without a configured URL, events go to billing's own endpoint on the port it listens on. */
    @EventListener
    void listening(WebServerInitializedEvent started) {
        if (url == null) {
            url = "http://127.0.0.1:" + started.getWebServer().getPort() + WEBHOOK_PATH;
        }
    }

    @Scheduled(fixedDelayString = "${ledgerline.billing.payments.builtin.delivery-interval-ms:100}")
    void deliverDue() {
        if (url == null) {
            return;
        }
        for (var due : events.claimDue(BATCH)) {
            if (send(due.payload())) {
                events.delivered(due.eventId());
            } else {
                events.failed(due.eventId(), due.attempts());
            }
        }
    }

    private boolean send(String payload) {
        var body = payload.getBytes(StandardCharsets.UTF_8);
        var request =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header(
                                WebhookSignature.HEADER,
                                WebhookSignature.header(secret.value(), clock.instant(), body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                log.info("webhook answered {}; the event is retried", status);
            }
            return status / 100 == 2;
        } catch (IOException e) {
            log.info("webhook unreachable ({}); the event is retried", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
