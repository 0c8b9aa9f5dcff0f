package io.ledgerline.notification.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.contracts.gateway.KeyStatusChanged;
import io.ledgerline.contracts.gateway.KeyStatusChanged.KeyKind;
import io.ledgerline.contracts.gateway.KeyStatusChanged.KeyStatus;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.notification.support.NotificationIntegrationTest;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Zero balance, the partner's reserve, key suspension and poison, from real events on Kafka. */
class BalanceNoticesTest extends NotificationIntegrationTest {

    private final String partnerId = unique("p");
    private final AccountId partner = AccountId.partner(partnerId);
    private final AccountId customer = AccountId.customer(unique("c"));

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void zero_balance_reached_is_one_notice() {
        var contact = recipientFor(customer);
        publish(
                ledger.open(customer, partnerId),
                ledger.configure(customer, 10, true),
                ledger.addAi(customer, partnerId, 100),
                ledger.useAi(customer, partnerId, 95),
                ledger.useAi(customer, partnerId, 5));

        eventually().until(() -> alerts(customer.value(), "ZERO_BALANCE") == 1);
        eventually().until(() -> mailTo(contact).size() == 2);
        assertThat(alerts(customer.value(), "LOW_CREDIT")).isEqualTo(1);
    }

    @Test
    void R9_partner_warned_near_the_reserve_and_told_when_below_it() {
        var contact = unique("ops").toLowerCase() + "@example.test";
        var put =
                call(
                        "PUT",
                        "/api/v1/accounts/" + partner.value() + "/recipients",
                        "{\"emails\":[\""
                                + contact
                                + "\"],\"alerts\":[\"RESERVE_WARNING\",\"RESERVE_BREACHED\"],"
                                + "\"reserveWarningCredits\":1500}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        publish(ledger.open(partner, null), ledger.topUpPartner(partner, 3_000));
        publish(ledger.usePartner(partner, 1_600)); // 1,400: below the 1,500 warning
        publish(ledger.usePartner(partner, 400)); // 1,000: at the reserve, not below it
        publish(ledger.usePartner(partner, 1)); // 999: below the reserve

        eventually().until(() -> alerts(partner.value(), "RESERVE_BREACHED") == 1);
        assertThat(alerts(partner.value(), "RESERVE_WARNING")).isEqualTo(1);
        eventually().until(() -> mailTo(contact).size() == 2);
    }

    @Test
    void R9_self_service_key_suspended_and_resumed_notify_customer_and_partner() {
        var customerContact = recipientFor(customer);
        var partnerContact = recipientFor(partner);
        var keyId = unique("key");

        publish(keyChange(keyId, KeyStatus.ACTIVE));
        publish(keyChange(keyId, KeyStatus.SUSPENDED));
        publish(keyChange(keyId, KeyStatus.ACTIVE));

        eventually().until(() -> alerts(customer.value(), "KEY_RESUMED") == 1);
        assertThat(alerts(customer.value(), "KEY_SUSPENDED")).isEqualTo(1);
        eventually().until(() -> mailTo(customerContact).size() == 2);
        eventually().until(() -> mailTo(partnerContact).size() == 2);
        var partnerFeed = call("GET", "/api/v1/accounts/" + partner.value() + "/feed", null);
        assertThat(partnerFeed.body()).contains("KEY_SUSPENDED", "KEY_RESUMED", keyId);
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_and_the_consumer_keeps_going() {
        var poisonKey = unique("poison");
        send(Topics.LEDGER_EVENTS.name(), poisonKey, "CreditsAdded", "{not json".getBytes());
        recipientFor(customer);
        publish(
                ledger.open(customer, partnerId),
                ledger.configure(customer, 50, true),
                ledger.addAi(customer, partnerId, 100),
                ledger.useAi(customer, partnerId, 60));

        eventually().until(() -> alerts(customer.value(), "LOW_CREDIT") == 1);
        eventually().until(() -> deadLetterKeys().contains(poisonKey));
    }

    private KeyStatusChanged keyChange(String keyId, KeyStatus status) {
        return new KeyStatusChanged(
                UUID.randomUUID().toString(),
                keyId,
                partnerId,
                customer.holderId(),
                KeyKind.CUSTOMER_SELF_SERVICE,
                status,
                status == KeyStatus.SUSPENDED ? "partner below 1,000 credits" : null,
                Instant.now());
    }

    private List<String> deadLetterKeys() {
        var props =
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "dlt-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest");
        try (var consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.LEDGER_EVENTS.deadLetterName()));
            var keys = new java.util.ArrayList<String>();
            for (int i = 0; i < 5; i++) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> keys.add(r.key()));
            }
            return keys;
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
