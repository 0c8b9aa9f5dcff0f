package io.ledgerline.gateway.projection;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.event.LedgerEventTypes;
import io.ledgerline.contracts.topics.Topics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Feeds {@code ledger.events.v1} into the {@link LedgerProjection}. Each gateway instance reads the
 * whole topic under a consumer group of its own, from the earliest offset: the projection lives in
 * memory and is rebuilt by replay at start (nothing is persisted). A record that cannot be read is
 * retried, then parked on {@code ledger.events.v1.dlt}.
 */
@Component
public class LedgerEventsListener {

    private final LedgerProjection projection;

    public LedgerEventsListener(LedgerProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(
            topics = "#{T(io.ledgerline.contracts.topics.Topics).LEDGER_EVENTS.name()}",
            groupId = "${ledgerline.gateway.projection-group:gateway-projection-${random.uuid}}",
            properties = "auto.offset.reset=earliest")
    public void on(ConsumerRecord<String, byte[]> record) {
        var typeHeader = record.headers().lastHeader(Topics.TYPE_HEADER);
        if (typeHeader == null) {
            throw new IllegalArgumentException("ledger event without " + Topics.TYPE_HEADER);
        }
        var type = LedgerEventTypes.byName(new String(typeHeader.value(), StandardCharsets.UTF_8));
        projection.apply(ContractJson.fromBytes(record.value(), type));
    }
}
