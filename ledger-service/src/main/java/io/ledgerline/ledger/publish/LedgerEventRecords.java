package io.ledgerline.ledger.publish;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.event.LedgerEventTypes;
import io.ledgerline.contracts.topics.Topics;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/** The Kafka form of a ledger event on {@code ledger.events.v1} (see docs/ledger-api.md). */
public final class LedgerEventRecords {

    private LedgerEventRecords() {}

    public static ProducerRecord<String, byte[]> toRecord(LedgerEvent event) {
        var record =
                new ProducerRecord<>(
                        Topics.LEDGER_EVENTS.name(),
                        event.header().accountId().value(),
                        ContractJson.toBytes(event));
        record.headers()
                .add(Topics.TYPE_HEADER, utf8(LedgerEventTypes.nameOf(event)))
                .add(
                        Topics.SCHEMA_VERSION_HEADER,
                        utf8(String.valueOf(LedgerEventTypes.SCHEMA_VERSION)))
                .add(Topics.EVENT_ID_HEADER, utf8(event.header().eventId()));
        return record;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
