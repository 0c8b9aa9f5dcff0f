package io.ledgerline.billing.customers;

import io.ledgerline.billing.metering.PoisonRecordException;
import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.event.AccountOpened;
import io.ledgerline.contracts.topics.Topics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Learns each customer's partner from {@code AccountOpened} on {@code ledger.events.v1}. Its own
 * consumer group reads the topic from the start, so customers opened before billing cared are
 * learnt too.
 */
@Component
class AccountOpenedListener {

    static final String LISTENER_ID = "customer-partners";
    private static final String TYPE = AccountOpened.class.getSimpleName();

    private final CustomerPartnersStore store;

    AccountOpenedListener(CustomerPartnersStore store) {
        this.store = store;
    }

    @KafkaListener(
            id = LISTENER_ID,
            groupId = "billing-customer-partners",
            topics = "#{T(io.ledgerline.contracts.topics.Topics).LEDGER_EVENTS.name()}")
    void onLedgerEvent(ConsumerRecord<String, byte[]> record) {
        var typeHeader = record.headers().lastHeader(Topics.TYPE_HEADER);
        if (typeHeader == null
                || !TYPE.equals(new String(typeHeader.value(), StandardCharsets.UTF_8))) {
            return;
        }
        var event = read(record);
        if (event.header().accountId().kind() == AccountId.HolderKind.CUSTOMER) {
            store.opened(
                    event.header().accountId().holderId(),
                    event.partnerId(),
                    event.header().eventId());
        }
    }

    private static AccountOpened read(ConsumerRecord<String, byte[]> record) {
        try {
            var event = ContractJson.fromBytes(record.value(), AccountOpened.class);
            boolean usable =
                    event.header() != null
                            && event.header().eventId() != null
                            && event.header().accountId() != null
                            && (event.header().accountId().kind() != AccountId.HolderKind.CUSTOMER
                                    || event.partnerId() != null);
            if (!usable) {
                throw new PoisonRecordException("AccountOpened without the fields billing needs");
            }
            return event;
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("unreadable AccountOpened: " + e.getMessage(), e);
        }
    }
}
