package io.ledgerline.billing.autotopup;

import io.ledgerline.billing.metering.PoisonRecordException;
import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.event.LedgerEventTypes;
import io.ledgerline.contracts.topics.Topics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Feeds the ledger's events to the balance watch (its own consumer group, from the start of the
 * topic, so the balances are whole), and makes the charge a crossing called for once the crossing
 * is committed. A charge whose attempt did not run (billing stopped in between) is made by the
 * charger's sweep.
 */
@Component
class LedgerEventsListener {

    static final String LISTENER_ID = "auto-top-up";

    private final BalanceWatch watch;
    private final TopUpCharger charger;

    LedgerEventsListener(BalanceWatch watch, TopUpCharger charger) {
        this.watch = watch;
        this.charger = charger;
    }

    @KafkaListener(
            id = LISTENER_ID,
            groupId = "billing-auto-top-up",
            topics = "#{T(io.ledgerline.contracts.topics.Topics).LEDGER_EVENTS.name()}")
    void onLedgerEvent(ConsumerRecord<String, byte[]> record) {
        var typeHeader = record.headers().lastHeader(Topics.TYPE_HEADER);
        if (typeHeader == null) {
            throw new PoisonRecordException("ledger event without its type header");
        }
        var type = typeOf(new String(typeHeader.value(), StandardCharsets.UTF_8));
        watch.apply(read(record, type)).ifPresent(charger::attempt);
    }

    private static Class<? extends LedgerEvent> typeOf(String name) {
        try {
            return LedgerEventTypes.byName(name);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException(e.getMessage(), e);
        }
    }

    private static LedgerEvent read(
            ConsumerRecord<String, byte[]> record, Class<? extends LedgerEvent> type) {
        try {
            var event = ContractJson.fromBytes(record.value(), type);
            boolean usable =
                    event.header() != null
                            && event.header().eventId() != null
                            && event.header().accountId() != null;
            if (!usable) {
                throw new PoisonRecordException(type.getSimpleName() + " without its header");
            }
            return event;
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("unreadable ledger event: " + e.getMessage(), e);
        }
    }
}
