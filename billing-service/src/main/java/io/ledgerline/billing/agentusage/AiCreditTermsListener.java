package io.ledgerline.billing.agentusage;

import io.ledgerline.billing.metering.PoisonRecordException;
import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.event.AiCreditsConfigured;
import io.ledgerline.contracts.topics.Topics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Learns each customer's price per call minute from {@code AiCreditsConfigured} on {@code
 * ledger.events.v1}; every other ledger event is of no interest to rating.
 */
@Component
class AiCreditTermsListener {

    static final String LISTENER_ID = "ai-credit-terms";
    private static final String TYPE = AiCreditsConfigured.class.getSimpleName();

    private final CustomerAiTermsStore store;

    AiCreditTermsListener(CustomerAiTermsStore store) {
        this.store = store;
    }

    @KafkaListener(
            id = LISTENER_ID,
            groupId = "billing-ai-credit-terms",
            topics = "#{T(io.ledgerline.contracts.topics.Topics).LEDGER_EVENTS.name()}")
    void onLedgerEvent(ConsumerRecord<String, byte[]> record) {
        var typeHeader = record.headers().lastHeader(Topics.TYPE_HEADER);
        if (typeHeader == null
                || !TYPE.equals(new String(typeHeader.value(), StandardCharsets.UTF_8))) {
            return;
        }
        store.apply(read(record));
    }

    private static AiCreditsConfigured read(ConsumerRecord<String, byte[]> record) {
        try {
            var event = ContractJson.fromBytes(record.value(), AiCreditsConfigured.class);
            boolean usable =
                    event.header() != null
                            && event.header().eventId() != null
                            && event.header().accountId() != null
                            && event.header().accountId().kind() == AccountId.HolderKind.CUSTOMER
                            && event.pricePerMinuteUcr() != null;
            if (!usable) {
                throw new PoisonRecordException(
                        "AiCreditsConfigured without the fields rating needs");
            }
            return event;
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("unreadable AiCreditsConfigured: " + e.getMessage(), e);
        }
    }
}
