package io.ledgerline.billing.metering;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@code usage.v1}; failures go to the error handler (retry, then {@code .dlt}). */
@Component
class UsageListener {

    static final String LISTENER_ID = "usage-metering";

    private final UsageMetering metering;

    UsageListener(UsageMetering metering) {
        this.metering = metering;
    }

    @KafkaListener(
            id = LISTENER_ID,
            groupId = "billing-usage-metering",
            topics = "#{T(io.ledgerline.contracts.topics.Topics).USAGE.name()}")
    void onUsage(ConsumerRecord<String, byte[]> record) {
        metering.meter(UsageRecords.read(record));
    }
}
