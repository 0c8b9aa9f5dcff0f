package io.ledgerline.notification.intake;

import io.ledgerline.contracts.billing.AutoTopUpStopped;
import io.ledgerline.contracts.gateway.KeyStatusChanged;
import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.event.LedgerEventTypes;
import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.notification.messaging.PoisonRecordException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The service's only inputs: the ledger's events, the gateway's key status changes and billing's
 * stopped auto top-ups.
 */
@Component
class EventListeners {

    static final String GROUP_ID = "notification-service";

    /** billing's refusal codes, as the schema AutoTopUpStopped.v1 has them. */
    private static final Pattern REFUSAL_CODE = Pattern.compile("[A-Z_]{1,64}");

    private final LedgerEventIntake ledger;
    private final KeyStatusIntake keys;
    private final AutoTopUpIntake autoTopUps;

    EventListeners(LedgerEventIntake ledger, KeyStatusIntake keys, AutoTopUpIntake autoTopUps) {
        this.ledger = ledger;
        this.keys = keys;
        this.autoTopUps = autoTopUps;
    }

    @KafkaListener(
            id = "notification-ledger-events",
            groupId = GROUP_ID,
            topics = "#{T(io.ledgerline.contracts.topics.Topics).LEDGER_EVENTS.name()}")
    void onLedgerEvent(ConsumerRecord<String, byte[]> record) {
        ledger.apply(readLedgerEvent(record));
    }

    @KafkaListener(
            id = "notification-gateway-keys",
            groupId = GROUP_ID,
            topics = "#{T(io.ledgerline.contracts.topics.Topics).GATEWAY_KEYS.name()}")
    void onKeyStatus(ConsumerRecord<String, byte[]> record) {
        keys.apply(readKeyStatus(record));
    }

    @KafkaListener(
            id = "notification-billing-auto-top-up",
            groupId = GROUP_ID,
            topics = "#{T(io.ledgerline.contracts.topics.Topics).BILLING_AUTO_TOP_UP.name()}")
    void onAutoTopUpStopped(ConsumerRecord<String, byte[]> record) {
        autoTopUps.apply(readAutoTopUpStopped(record));
    }

    private static LedgerEvent readLedgerEvent(ConsumerRecord<String, byte[]> record) {
        var type = typeOf(record);
        try {
            var event = ContractJson.fromBytes(record.value(), LedgerEventTypes.byName(type));
            var header = event.header();
            boolean usable =
                    header != null
                            && header.eventId() != null
                            && header.accountId() != null
                            && header.occurredAt() != null;
            if (!usable) {
                throw new PoisonRecordException(type + " without an id, account or time");
            }
            return event;
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("unreadable " + type + ": " + e.getMessage(), e);
        }
    }

    private static KeyStatusChanged readKeyStatus(ConsumerRecord<String, byte[]> record) {
        try {
            var change = ContractJson.fromBytes(record.value(), KeyStatusChanged.class);
            boolean usable =
                    change.eventId() != null
                            && change.keyId() != null
                            && change.status() != null
                            && change.occurredAt() != null;
            if (!usable) {
                throw new PoisonRecordException("KeyStatusChanged without its fields");
            }
            return change;
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("unreadable KeyStatusChanged: " + e.getMessage(), e);
        }
    }

    private static AutoTopUpStopped readAutoTopUpStopped(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new PoisonRecordException("an AutoTopUpStopped record without a value");
        }
        try {
            var stop = ContractJson.fromBytes(record.value(), AutoTopUpStopped.class);
            boolean usable =
                    stop.eventId() != null
                            && !stop.eventId().isBlank()
                            && stop.customerId() != null
                            && stop.partnerId() != null
                            && stop.reason() != null
                            && REFUSAL_CODE.matcher(stop.reason()).matches()
                            && stop.balanceUcr() != null
                            && stop.thresholdUcr() != null
                            && !stop.thresholdUcr().isNegative()
                            && stop.occurredAt() != null;
            if (!usable) {
                throw new PoisonRecordException("AutoTopUpStopped without its fields");
            }
            AccountId.customer(stop.customerId());
            AccountId.partner(stop.partnerId());
            return stop;
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("unreadable AutoTopUpStopped: " + e.getMessage(), e);
        }
    }

    private static String typeOf(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader(Topics.TYPE_HEADER);
        if (header == null || record.value() == null) {
            throw new PoisonRecordException("a record without " + Topics.TYPE_HEADER + " or value");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
