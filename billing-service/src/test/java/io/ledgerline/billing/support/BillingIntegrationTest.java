package io.ledgerline.billing.support;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.contracts.usage.UsageRecorded;
import io.ledgerline.contracts.usage.UsageRecorded.CostLine;
import io.ledgerline.contracts.usage.UsageRecorded.CustomerBilling;
import io.ledgerline.contracts.usage.UsageRecorded.Source;
import io.ledgerline.testsupport.LedgerlineIntegrationTest;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * One Spring context for every test of this module: real PostgreSQL, Kafka and authorization server
 * from test-support, and the ledger replaced by {@link FakeLedger}. The autowired {@code
 * TestRestTemplate} sends a token with every billing scope unless a request sets its own. Tests use
 * their own random ids so they never see each other's usage.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
@Import(TestClock.Config.class)
public abstract class BillingIntegrationTest {

    protected static final FakeLedger LEDGER = FakeLedger.start();

    @Autowired protected KafkaTemplate<String, byte[]> kafka;

    @Autowired protected JdbcTemplate jdbc;

    /** What the built-in payment provider signs its webhook deliveries with in these tests. */
    protected static final String WEBHOOK_SECRET = "whsec_billing_tests";

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        registry.add("ledgerline.ledger.url", LEDGER::baseUrl);
        registry.add("ledgerline.billing.payments.builtin.webhook-secret", () -> WEBHOOK_SECRET);
        // Tests sweep quiet calls themselves, after moving the clock.
        registry.add("ledgerline.billing.calls.sweep-interval-ms", () -> "3600000");
        // And the auto top-up retries, after moving the clock.
        registry.add("ledgerline.billing.auto-top-up.sweep-interval-ms", () -> "3600000");
        // And renew subscriptions, after moving the clock: a scheduled sweep between a test's
        // clock move and its own step would renew the period under it.
        registry.add("ledgerline.billing.subscriptions.sweep-interval-ms", () -> "3600000");
    }

    protected static ConditionFactory eventually() {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50));
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    protected void publish(UsageRecorded usage) {
        publishAll(List.of(usage));
    }

    protected void publish(String topic, String key, String type, byte[] value) {
        awaitSent(List.of(kafka.send(record(topic, key, type, value))));
    }

    /** Publishes all the uses at once and waits for the broker's acks (a backlog, quickly). */
    protected void publishAll(List<UsageRecorded> usages) {
        awaitSent(
                usages.stream()
                        .map(
                                usage ->
                                        kafka.send(
                                                record(
                                                        Topics.USAGE.name(),
                                                        usage.customerId() != null
                                                                ? usage.customerId()
                                                                : usage.keyId(),
                                                        "UsageRecorded",
                                                        ContractJson.toBytes(usage))))
                        .toList());
    }

    private static ProducerRecord<String, byte[]> record(
            String topic, String key, String type, byte[] value) {
        var record = new ProducerRecord<>(topic, key, value);
        record.headers().add(Topics.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(Topics.SCHEMA_VERSION_HEADER, "1".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static void awaitSent(List<? extends Future<?>> sends) {
        try {
            for (var send : sends) {
                send.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish", e);
        }
    }

    protected Map<String, Object> chargeOf(String requestId) {
        var rows =
                jdbc.queryForList(
                        "SELECT * FROM billing.usage_charges WHERE request_id = ?", requestId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    protected void awaitCharged(String requestId) {
        eventually().until(() -> chargeOf(requestId) != null);
    }

    protected static UsageRecorded gatewayUsage(
            String requestId,
            String partnerId,
            String customerId,
            String model,
            long tokensIn,
            long tokensOut,
            CustomerBilling billing,
            String reservationId) {
        return new UsageRecorded(
                UUID.randomUUID().toString(),
                requestId,
                Source.GATEWAY,
                "key-" + requestId,
                partnerId,
                customerId,
                model,
                tokensIn,
                tokensOut,
                120,
                0,
                0,
                List.of(),
                billing,
                reservationId,
                Instant.now());
    }

    protected static UsageRecorded agentCall(
            String requestId,
            String partnerId,
            String customerId,
            long callSeconds,
            long toolCalls,
            List<CostLine> costLines) {
        return new UsageRecorded(
                UUID.randomUUID().toString(),
                requestId,
                Source.AGENT_CALL,
                null,
                partnerId,
                customerId,
                null,
                0,
                0,
                callSeconds * 1000,
                callSeconds,
                toolCalls,
                costLines,
                null,
                null,
                Instant.now());
    }
}
