package io.ledgerline.billing.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.billing.support.BillingIntegrationTest;
import io.ledgerline.billing.support.FakeLedger.Received;
import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.contracts.usage.UsageRecorded;
import io.ledgerline.testsupport.TestKafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Usage metered a poll at a time: a backlog waits while the listener is stopped, so its first polls
 * come as large batches. Every request is charged once however the batch goes.
 */
class UsageBatchMeteringTest extends BillingIntegrationTest {

    private static final int BURST = 2_000;
    private static final int CUSTOMERS_IN_BURST = 6;
    private static final int SMALL_BATCH = 40;
    private static final int APPLIED_BEFORE_THE_FAILURE = 10;

    @Autowired KafkaListenerEndpointRegistry listeners;

    @Test
    void a_backlog_of_2000_uses_is_charged_once_each_in_far_fewer_ledger_calls() {
        var partner = unique("p");
        var customers = new ArrayList<String>();
        for (int i = 0; i < CUSTOMERS_IN_BURST; i++) {
            customers.add(unique("c"));
        }
        var usages = new ArrayList<UsageRecorded>();
        for (int i = 0; i < BURST; i++) {
            usages.add(usage(partner, customers.get(i % CUSTOMERS_IN_BURST)));
        }
        int callsBefore = LEDGER.httpCalls();

        asBacklog(() -> publishAll(usages));

        eventually().atMost(Duration.ofSeconds(90)).until(() -> chargedFor(partner) == BURST);
        assertChargedOnceEach(usages);
        assertThat(LEDGER.httpCalls() - callsBefore).isLessThan(BURST / 10);
    }

    @Test
    void a_poison_record_in_a_batch_is_parked_alone_and_its_neighbours_are_charged() {
        var partner = unique("p");
        var customer = unique("c");
        var before = usage(partner, customer);
        var after = usage(partner, customer);

        asBacklog(
                () -> {
                    publish(before);
                    publish(
                            Topics.USAGE.name(),
                            customer,
                            "UsageRecorded",
                            "{\"requestId\":42".getBytes(StandardCharsets.UTF_8));
                    publish(after);
                });

        eventually().until(() -> chargedFor(partner) == 2);
        assertChargedOnceEach(List.of(before, after));
        // Same key as its neighbours: one partition, so the three arrive in one poll.
        assertThat(deadLetterValuesUntil(customer, "\"requestId\":42")).hasSize(1);
    }

    @Test
    void a_batch_the_ledger_fails_half_way_through_is_retried_and_charged_once_each() {
        var partner = unique("p");
        var customer = unique("c");
        var usages = new ArrayList<UsageRecorded>();
        for (int i = 0; i < SMALL_BATCH; i++) {
            usages.add(usage(partner, customer));
        }

        asBacklog(
                () -> {
                    publishAll(usages);
                    LEDGER.failNextBatchAfter(APPLIED_BEFORE_THE_FAILURE);
                });

        eventually().until(() -> chargedFor(partner) == SMALL_BATCH);
        assertChargedOnceEach(usages);
        var requests = usages.stream().map(UsageRecorded::requestId).toList();
        long replays =
                LEDGER.received().stream()
                        .filter(command -> requests.contains(command.usageId()))
                        .filter(command -> !command.effective())
                        .count();
        assertThat(replays).isEqualTo(APPLIED_BEFORE_THE_FAILURE);
    }

    @Test
    void a_use_the_ledger_finds_malformed_is_refused_alone_and_its_batch_is_charged() {
        var malformed = odd("gpt-4o-mini", 10, "not a reservation id");

        var neighbours = publishBetweenNeighbours(malformed);

        eventually().until(() -> chargedFor(malformed.partnerId()) == 3);
        assertChargedOnceEach(neighbours);
        assertThat(chargeOf(malformed.requestId()))
                .containsEntry("status", "REFUSED")
                .containsEntry("refusal_code", "INVALID_REQUEST");
    }

    @Test
    void a_use_whose_rating_overflows_is_parked_alone_and_its_batch_is_charged() {
        var overflowing = odd("gpt-4o-mini", Long.MAX_VALUE, null);

        var neighbours = publishBetweenNeighbours(overflowing);

        assertParkedAlone(overflowing, neighbours);
    }

    @Test
    void a_use_the_database_cannot_store_is_parked_alone_after_retries_and_its_batch_is_charged() {
        // PostgreSQL text cannot hold NUL: the charge's insert fails, for this use only.
        var unstorable = odd("gpt\u0000", 10, null);

        var neighbours = publishBetweenNeighbours(unstorable);

        assertParkedAlone(unstorable, neighbours);
    }

    /** A use of a new partner and customer, with these tokens (in and out) and reservation. */
    private static UsageRecorded odd(String model, long tokens, String reservationId) {
        return gatewayUsage(
                unique("req"),
                unique("p"),
                unique("c"),
                model,
                tokens,
                tokens,
                null,
                reservationId);
    }

    /**
     * Publishes the use between two good ones of its customer as one backlog (same key, one
     * partition, so one poll) and returns the good ones.
     */
    private List<UsageRecorded> publishBetweenNeighbours(UsageRecorded odd) {
        var before = usage(odd.partnerId(), odd.customerId());
        var after = usage(odd.partnerId(), odd.customerId());
        asBacklog(() -> publishAll(List.of(before, odd, after)));
        return List.of(before, after);
    }

    private void assertParkedAlone(UsageRecorded parked, List<UsageRecorded> neighbours) {
        eventually().until(() -> chargedFor(parked.partnerId()) == neighbours.size());
        assertChargedOnceEach(neighbours);
        var parkedValues = deadLetterValuesUntil(parked.customerId(), parked.requestId());
        assertThat(parkedValues).hasSize(1);
        neighbours.forEach(
                usage -> assertThat(parkedValues.get(0)).doesNotContain(usage.requestId()));
        assertThat(chargeOf(parked.requestId())).isNull();
    }

    private UsageRecorded usage(String partner, String customer) {
        return gatewayUsage(unique("req"), partner, customer, "gpt-4o-mini", 100, 50, null, null);
    }

    /** Publishes while the listener is stopped, so what was published waits as one backlog. */
    private void asBacklog(Runnable publishing) {
        var container = listeners.getListenerContainer(UsageListener.LISTENER_ID);
        container.stop();
        try {
            publishing.run();
        } finally {
            container.start();
        }
    }

    private long chargedFor(String partner) {
        Long count =
                jdbc.queryForObject(
                        "SELECT count(*) FROM billing.usage_charges WHERE partner_id = ?",
                        Long.class,
                        partner);
        return count == null ? 0 : count;
    }

    /** Every use has exactly one effective ledger command and one charge row; none is missing. */
    private void assertChargedOnceEach(List<UsageRecorded> usages) {
        var requests = new HashSet<>(usages.stream().map(UsageRecorded::requestId).toList());
        Map<String, Long> effective =
                LEDGER.received().stream()
                        .filter(Received::effective)
                        .map(Received::usageId)
                        .filter(requests::contains)
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(effective.keySet()).isEqualTo(requests);
        assertThat(effective.values()).allMatch(count -> count == 1);
        for (var usage : usages) {
            assertThat(chargeOf(usage.requestId())).containsEntry("status", "CHARGED");
        }
    }

    /** The dead-lettered values under {@code key}, read until one contains {@code text}. */
    private static List<String> deadLetterValuesUntil(String key, String text) {
        var values = new ArrayList<String>();
        try (var consumer =
                new KafkaConsumer<>(
                        Map.<String, Object>of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                TestKafka.bootstrapServers(),
                                ConsumerConfig.GROUP_ID_CONFIG,
                                unique("dlt-reader"),
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest"),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.USAGE.deadLetterName()));
            eventually()
                    .until(
                            () -> {
                                for (var record : consumer.poll(Duration.ofMillis(200))) {
                                    if (key.equals(record.key())) {
                                        values.add(
                                                new String(record.value(), StandardCharsets.UTF_8));
                                    }
                                }
                                return values.stream().anyMatch(value -> value.contains(text));
                            });
        }
        return values;
    }
}
