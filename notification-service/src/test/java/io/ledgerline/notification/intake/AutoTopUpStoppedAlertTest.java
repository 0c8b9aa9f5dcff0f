package io.ledgerline.notification.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.contracts.billing.AutoTopUpStopped;
import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.notification.support.NotificationIntegrationTest;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** billing's AutoTopUpStopped records on Kafka, turned into alerts by mail, feed and webhook. */
class AutoTopUpStoppedAlertTest extends NotificationIntegrationTest {

    private static final String KIND = "AUTO_TOP_UP_STOPPED";

    private final String partnerId = unique("p");
    private final AccountId partner = AccountId.partner(partnerId);
    private final AccountId customer = AccountId.customer(unique("c"));

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void R21_a_stopped_auto_top_up_tells_the_partner_and_the_customer_by_mail_feed_and_webhook()
            throws Exception {
        var partnerContact = recipientFor(partner);
        var customerContact = recipientFor(customer);
        var hook = "/" + unique("hook");
        var added =
                call(
                        "POST",
                        "/api/v1/partners/" + partnerId + "/webhooks",
                        "{\"url\":\"" + RECEIVER.url(hook) + "\",\"alerts\":[\"" + KIND + "\"]}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        var stop = stop("CARD_DECLINED");

        publish(stop);

        eventually().until(() -> mailTo(partnerContact).size() == 1);
        eventually().until(() -> mailTo(customerContact).size() == 1);
        var mail = mailTo(partnerContact).get(0);
        assertThat(mail.getSubject()).isEqualTo("Auto top-up stopped: " + customer.value());
        assertThat(textOf(mail))
                .contains(customer.value(), "CARD_DECLINED", "http://localhost:8080/billing")
                .contains("<a href=\"http://localhost:8080/billing\">");
        assertThat(alerts(customer.value(), KIND)).isEqualTo(1);

        var partnerFeed = call("GET", "/api/v1/accounts/" + partner.value() + "/feed", null);
        assertThat(partnerFeed.body()).contains(KIND, customer.value(), "CARD_DECLINED");
        var customerFeed = call("GET", "/api/v1/accounts/" + customer.value() + "/feed", null);
        assertThat(customerFeed.body()).contains(KIND, "CARD_DECLINED");

        eventually().until(() -> RECEIVER.on(hook).size() == 1);
        var delivery = new ObjectMapper().readTree(RECEIVER.on(hook).get(0).body());
        assertThat(delivery.get("type").asText()).isEqualTo(KIND);
        assertThat(delivery.at("/data/reason").asText()).isEqualTo("CARD_DECLINED");
        assertThat(delivery.at("/data/accountId").asText()).isEqualTo(customer.value());
        assertThat(delivery.at("/data/partnerId").asText()).isEqualTo(partnerId);
    }

    @Test
    void R21_a_webhook_endpoint_not_subscribed_to_the_kind_hears_nothing_of_it() {
        var hook = "/" + unique("hook");
        var added =
                call(
                        "POST",
                        "/api/v1/partners/" + partnerId + "/webhooks",
                        "{\"url\":\"" + RECEIVER.url(hook) + "\",\"alerts\":[\"LOW_CREDIT\"]}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        var partnerContact = recipientFor(partner);

        publish(stop("PAYMENT_PROCESSING_ERROR"));

        eventually().until(() -> mailTo(partnerContact).size() == 1);
        assertThat(RECEIVER.on(hook)).isEmpty();
    }

    @Test
    void R21_a_redelivered_stop_record_still_sends_one_alert() {
        var partnerContact = recipientFor(partner);
        var first = stop("CARD_DECLINED");
        var later = stop("PAYMENT_PROCESSING_ERROR");

        publish(first);
        publish(first);
        publish(later); // same key, same partition: read after both copies of the first

        eventually().until(() -> alerts(customer.value(), KIND) == 2);
        eventually().until(() -> mailTo(partnerContact).size() == 2);
        assertThat(mailTo(partnerContact))
                .extracting(AutoTopUpStoppedAlertTest::textOf)
                .filteredOn(text -> text.contains("CARD_DECLINED"))
                .hasSize(1);
        assertThat(feedItems(partner, "CARD_DECLINED")).isEqualTo(1);
    }

    @Test
    void R21_malformed_stop_records_go_to_the_dead_letter_topic_and_the_consumer_keeps_going() {
        var partnerContact = recipientFor(partner);
        var notJson = unique("poison");
        var withoutReason = unique("poison");
        var foreignReason = unique("poison");
        var badCustomer = unique("poison");
        var topic = Topics.BILLING_AUTO_TOP_UP.name();
        send(topic, notJson, "AutoTopUpStopped", "{not json".getBytes(StandardCharsets.UTF_8));
        send(topic, withoutReason, "AutoTopUpStopped", bytes(stop(null)));
        send(topic, foreignReason, "AutoTopUpStopped", bytes(stop("<b>declined</b>")));
        var stranger =
                new AutoTopUpStopped(
                        "auto-top-up-stopped:" + UUID.randomUUID(),
                        "bad customer\u0000",
                        partnerId,
                        "chg-1",
                        "plan-1",
                        "CARD_DECLINED",
                        Credits.ofCredits(3),
                        Credits.ofCredits(10),
                        Instant.now());
        send(topic, badCustomer, "AutoTopUpStopped", bytes(stranger));

        publish(stop("CARD_DECLINED"));

        eventually().until(() -> mailTo(partnerContact).size() == 1);
        eventually()
                .until(
                        () ->
                                deadLetterKeys()
                                        .containsAll(
                                                List.of(
                                                        notJson,
                                                        withoutReason,
                                                        foreignReason,
                                                        badCustomer)));
        assertThat(alerts(customer.value(), KIND)).isEqualTo(1);
    }

    private AutoTopUpStopped stop(String reason) {
        var chargeId = "chg-" + UUID.randomUUID();
        return new AutoTopUpStopped(
                "auto-top-up-stopped:" + chargeId,
                customer.holderId(),
                partnerId,
                chargeId,
                "plan-" + UUID.randomUUID(),
                reason,
                Credits.ofCredits(3),
                Credits.ofCredits(10),
                Instant.now());
    }

    private void publish(AutoTopUpStopped stop) {
        send(
                Topics.BILLING_AUTO_TOP_UP.name(),
                stop.customerId(),
                AutoTopUpStopped.class.getSimpleName(),
                bytes(stop));
    }

    private static byte[] bytes(AutoTopUpStopped stop) {
        return ContractJson.toBytes(stop);
    }

    private long feedItems(AccountId account, String text) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM notification.feed_items WHERE account_id = ? AND body LIKE ?",
                Long.class,
                account.value(),
                "%" + text + "%");
    }

    /** Every text part of the message, plain and HTML, decoded. */
    private static String textOf(MimeMessage message) {
        try {
            return textOf((Part) message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String textOf(Part part) throws Exception {
        var content = part.getContent();
        if (content instanceof Multipart multipart) {
            var text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(textOf(multipart.getBodyPart(i))).append('\n');
            }
            return text.toString();
        }
        return content instanceof String text ? text : "";
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
            consumer.subscribe(List.of(Topics.BILLING_AUTO_TOP_UP.deadLetterName()));
            var keys = new ArrayList<String>();
            for (int i = 0; i < 5; i++) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> keys.add(r.key()));
            }
            return keys;
        }
    }
}
