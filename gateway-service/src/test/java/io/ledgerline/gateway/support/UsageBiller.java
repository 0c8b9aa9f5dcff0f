package io.ledgerline.gateway.support;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.rating.ModelCatalogue;
import io.ledgerline.contracts.rating.Rating;
import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.contracts.usage.UsageRecorded;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Stands in for billing-service: reads {@code usage.v1} and books each use of one key in the ledger
 * double as billing's {@code MeterUsage} would (a partner key's platform cost settled from its
 * budget reservation, a self-service key's AI-credit charge metered from the customer), once per
 * request id. After each booking it calls {@code afterBooking} with the use before booking the
 * next, so a test can wait until every gateway's projection has seen it: then at most one booked
 * charge is unseen by a gateway at any moment.
 */
public final class UsageBiller implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final String keyId;
    private final LedgerFeed feed;
    private final Consumer<UsageRecorded> afterBooking;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Set<String> booked = ConcurrentHashMap.newKeySet();
    private final AtomicLong bookedUcr = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger bookedUses =
            new java.util.concurrent.atomic.AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    public UsageBiller(
            String bootstrapServers,
            LedgerFeed feed,
            String keyId,
            Consumer<UsageRecorded> afterBooking) {
        this.keyId = keyId;
        this.feed = feed;
        this.afterBooking = afterBooking;
        var props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("group.id", "test-biller-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.USAGE.name()));
        thread = new Thread(this::run, "usage-biller");
        thread.setDaemon(true);
        thread.start();
    }

    /** What was booked in the ledger for this key so far (the key's unit). */
    public Credits booked() {
        return Credits.ofMicros(bookedUcr.get());
    }

    /** Uses booked and seen through {@code afterBooking}. */
    public int bookedUses() {
        return bookedUses.get();
    }

    private void run() {
        try {
            while (running) {
                for (var record : consumer.poll(POLL)) {
                    var use = ContractJson.fromBytes(record.value(), UsageRecorded.class);
                    if (keyId.equals(use.keyId()) && booked.add(use.requestId())) {
                        book(use);
                        afterBooking.accept(use);
                        bookedUses.incrementAndGet();
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException closing) {
            // close() woke the consumer up.
        } catch (Throwable e) {
            failure = e;
        } finally {
            consumer.close();
        }
    }

    private void book(UsageRecorded use) {
        var price = ModelCatalogue.standard().find(use.model()).orElseThrow();
        if (use.budgetReservationId() == null) {
            var charge =
                    Rating.customerCharge(
                            price, use.tokensIn(), use.tokensOut(), use.customerBilling());
            feed.meterCustomer(use.customerId(), charge, use.requestId());
            bookedUcr.addAndGet(charge.ucr());
        } else {
            var cost = Rating.platformCost(price, use.tokensIn(), use.tokensOut());
            feed.settle(
                    use.partnerId(),
                    use.budgetReservationId(),
                    cost,
                    use.requestId(),
                    "bill-" + use.requestId());
            bookedUcr.addAndGet(cost.ucr());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10).toMillis());
        if (failure != null) {
            throw new AssertionError("the usage biller failed", failure);
        }
    }
}
