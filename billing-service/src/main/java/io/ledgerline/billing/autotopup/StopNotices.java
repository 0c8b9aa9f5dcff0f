package io.ledgerline.billing.autotopup;

import io.ledgerline.contracts.billing.AutoTopUpStopped;
import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.topics.Topics;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Tells a stopped auto top-up's owner: {@link AutoTopUpStopped} on {@code billing.auto-top-up.v1},
 * for the notification service to turn into an alert. The charge row is the outbox: it is marked
 * told only once the broker acknowledged, and the charger's sweep sends what is left, so a broker
 * outage delays the notice and never loses it. The event id derives from the charge, so a notice
 * sent twice is one notice to a consumer that dedupes on it.
 */
@Component
class StopNotices {

    /** Notices sent per sweep at most. */
    static final int SWEEP_LIMIT = 100;

    static final long SEND_TIMEOUT_MS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(StopNotices.class);

    private final AutoTopUpStore store;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock;

    StopNotices(AutoTopUpStore store, KafkaTemplate<String, byte[]> kafka, Clock clock) {
        this.store = store;
        this.kafka = kafka;
        this.clock = clock;
    }

    static String eventIdOf(String chargeId) {
        return "auto-top-up-stopped:" + chargeId;
    }

    void tell(String chargeId) {
        store.charge(chargeId).ifPresent(this::send);
    }

    void tellTheRest() {
        store.untoldStops(SWEEP_LIMIT).forEach(this::send);
    }

    private void send(TopUpCharge charge) {
        var notice =
                new AutoTopUpStopped(
                        eventIdOf(charge.chargeId()),
                        charge.customerId(),
                        charge.partnerId(),
                        charge.chargeId(),
                        charge.planId(),
                        charge.failureCode(),
                        Credits.ofMicros(charge.balanceUcr()),
                        Credits.ofMicros(charge.thresholdUcr()),
                        clock.instant());
        var record =
                new ProducerRecord<>(
                        Topics.BILLING_AUTO_TOP_UP.name(),
                        charge.customerId(),
                        ContractJson.toBytes(notice));
        record.headers()
                .add(Topics.TYPE_HEADER, bytes(AutoTopUpStopped.class.getSimpleName()))
                .add(Topics.SCHEMA_VERSION_HEADER, bytes("1"))
                .add(Topics.EVENT_ID_HEADER, bytes(notice.eventId()));
        try {
            kafka.send(record).get(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            store.told(charge.chargeId(), clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("auto top-up stop of {} not published; the sweep sends it", charge, e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
