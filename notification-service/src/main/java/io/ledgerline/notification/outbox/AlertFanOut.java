package io.ledgerline.notification.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.notification.alert.Alert;
import io.ledgerline.notification.feed.FeedStore;
import io.ledgerline.notification.recipients.RecipientStore;
import io.ledgerline.notification.webhook.Endpoint;
import io.ledgerline.notification.webhook.WebhookEndpoints;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Turns one alert into everything it sends, in the caller's transaction: the account's feed item
 * (and its partner's), one outbox row per e-mail address and one per subscribed webhook endpoint.
 * An alert id seen before sends nothing; delivery ids are derived from it, so nothing is queued
 * twice. Once the transaction commits, the drainer is told there is something to send.
 */
@Service
public class AlertFanOut {

    private final JdbcTemplate jdbc;
    private final RecipientStore recipients;
    private final WebhookEndpoints webhooks;
    private final FeedStore feed;
    private final Outbox outbox;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json = ContractJson.mapper();

    AlertFanOut(
            JdbcTemplate jdbc,
            RecipientStore recipients,
            WebhookEndpoints webhooks,
            FeedStore feed,
            Outbox outbox,
            DeliveryProperties properties,
            Clock clock,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.recipients = recipients;
        this.webhooks = webhooks;
        this.feed = feed;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void send(Alert alert) {
        var payload = toJson(alert);
        int inserted =
                jdbc.update(
                        "INSERT INTO alerts (alert_id, kind, account_id, partner_id, payload,"
                                + " created_at) VALUES (?, ?, ?, ?, ?::jsonb, ?)"
                                + " ON CONFLICT DO NOTHING",
                        alert.alertId(),
                        alert.kind().name(),
                        alert.accountId(),
                        alert.partnerId(),
                        payload,
                        Timestamp.from(alert.occurredAt()));
        if (inserted == 0) {
            return;
        }
        var partnerAccount = partnerAccountOf(alert);
        feed.add(alert.accountId(), alert, feedLine(alert));
        if (partnerAccount != null) {
            feed.add(partnerAccount, alert, feedLine(alert));
        }
        var now = clock.instant();
        var deadline = now.plusMillis(properties.retryWindowMs());
        var addresses = addressesFor(alert, partnerAccount);
        for (var address : addresses) {
            outbox.enqueue(
                    alert.alertId() + ".mail." + address,
                    Channel.EMAIL,
                    alert.alertId(),
                    address,
                    null,
                    payload,
                    now,
                    deadline);
        }
        var endpoints =
                alert.partnerId() == null
                        ? List.<Endpoint>of()
                        : webhooks.subscribedTo(alert.partnerId(), alert.kind());
        if (!endpoints.isEmpty()) {
            var body = webhookBody(alert);
            for (var endpoint : endpoints) {
                outbox.enqueue(
                        alert.alertId() + ".webhook." + endpoint.endpointId(),
                        Channel.WEBHOOK,
                        alert.alertId(),
                        endpoint.url(),
                        endpoint.endpointId(),
                        body,
                        now,
                        deadline);
            }
        }
        if (!addresses.isEmpty() || !endpoints.isEmpty()) {
            events.publishEvent(new DeliveriesQueued(alert.alertId()));
        }
    }

    /** A customer's alert also concerns its partner; a partner's alert only the partner. */
    private static String partnerAccountOf(Alert alert) {
        boolean customer = AccountId.of(alert.accountId()).kind() == AccountId.HolderKind.CUSTOMER;
        return customer && alert.partnerId() != null
                ? AccountId.partner(alert.partnerId()).value()
                : null;
    }

    private LinkedHashSet<String> addressesFor(Alert alert, String partnerAccount) {
        var addresses = new LinkedHashSet<String>();
        var own = recipients.of(alert.accountId());
        if (own.alertKinds().contains(alert.kind())) {
            addresses.addAll(own.emails());
        }
        if (partnerAccount != null) {
            var partner = recipients.of(partnerAccount);
            if (partner.alertKinds().contains(alert.kind())) {
                addresses.addAll(partner.emails());
            }
        }
        return addresses;
    }

    private static String feedLine(Alert alert) {
        var line = new StringBuilder(alert.accountId());
        line.append(": balance ").append(alert.balanceUcr().toDecimalString()).append(" credits");
        if (alert.levelUcr() != null) {
            line.append(", threshold ").append(alert.levelUcr().toDecimalString());
        }
        if (alert.keyId() != null) {
            line.append(", key ").append(alert.keyId());
        }
        if (alert.daysLeft() != null) {
            line.append(", about ").append(alert.daysLeft()).append(" days left");
        }
        if (alert.reason() != null) {
            line.append(", auto top-up stopped: ").append(alert.reason());
        }
        return line.toString();
    }

    private String webhookBody(Alert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", alert.alertId());
        body.put("type", alert.kind().name());
        body.put("createdAt", alert.occurredAt().toString());
        body.put("data", alert);
        return toJson(body);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an alert", e);
        }
    }
}
