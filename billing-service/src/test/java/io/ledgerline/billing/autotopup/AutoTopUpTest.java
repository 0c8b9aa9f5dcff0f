package io.ledgerline.billing.autotopup;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.billing.support.CommerceTestBase;
import io.ledgerline.billing.support.TestClock;
import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.ledger.LedgerId;
import io.ledgerline.contracts.ledger.Transfer;
import io.ledgerline.contracts.ledger.event.CreditsAdded;
import io.ledgerline.contracts.ledger.event.EventHeader;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.event.LedgerEventTypes;
import io.ledgerline.contracts.ledger.event.UsageMetered;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.topics.Topics;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * R21 auto top-up: a customer whose AI-credit balance drops below its threshold buys its chosen
 * credit plan once per crossing, with its default card, through the provider; the ledger's events
 * on Kafka tell billing the balance, and the credits follow the provider's success event.
 */
class AutoTopUpTest extends CommerceTestBase {

    static final long THRESHOLD_CREDITS = 10;
    static final long PLAN_CREDITS = 50;

    @Autowired TopUpCharger charger;

    @Autowired TestClock clock;

    @Autowired org.springframework.kafka.core.ConsumerFactory<String, byte[]> consumers;

    /** A customer of a new partner with a card and an auto top-up at 10 credits. */
    private Customer customerWithAutoTopUp(String cardNumber) {
        var partner = unique("p");
        var customer = new Customer(partner, customerOf(partner));
        card(customer.account(), cardNumber);
        var planId = plan(partner, "Refill", 2_500, PLAN_CREDITS);
        var saved = setAutoTopUp(customer.id, THRESHOLD_CREDITS * CREDIT, planId);
        assertThat(saved.getStatusCode().value()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.getBody().path("status").asText()).isEqualTo("ARMED");
        return customer;
    }

    @Test
    void R21_usage_events_racing_across_the_threshold_make_exactly_one_purchase() {
        var customer = customerWithAutoTopUp(VISA_SUCCEEDS);
        customer.publish(customer.add(20));

        var uses = new ArrayList<LedgerEvent>();
        for (int i = 0; i < 8; i++) {
            uses.add(customer.use(3));
        }
        customer.publishAll(uses);
        var charge = awaitCharge(customer, "SUBMITTED");
        // The sweep racing the listener's own attempt, as a second billing instance would.
        var sweeps = new ArrayList<CompletableFuture<Void>>();
        for (int i = 0; i < 4; i++) {
            sweeps.add(CompletableFuture.runAsync(charger::sweep));
            sweeps.add(CompletableFuture.runAsync(() -> charger.attempt(charge)));
        }
        sweeps.forEach(CompletableFuture::join);

        awaitPurchase(customer.account(), purchaseOf(charge), "CREDITED");
        assertThat(chargesOf(customer)).isEqualTo(1);
        assertThat(purchasesOf(customer)).isEqualTo(1);
        var grants = LEDGER.effectiveOn(customer.account());
        assertThat(grants).hasSize(1);
        assertThat(grants.get(0).amountUcr()).isEqualTo(PLAN_CREDITS * CREDIT);
        assertThat(autoTopUp(customer).path("status").asText()).isEqualTo("WAITING");
    }

    @Test
    void R21_a_redelivered_crossing_event_still_buys_once() {
        var customer = customerWithAutoTopUp(VISA_SUCCEEDS);
        customer.publish(customer.add(20));
        var crossing = customer.use(15);

        customer.publish(crossing);
        var charge = awaitCharge(customer, "SUBMITTED");
        customer.publish(crossing);
        customer.publish(customer.use(1));
        customer.publish(crossing);

        awaitPurchase(customer.account(), purchaseOf(charge), "CREDITED");
        awaitBalanceSequence(customer, customer.sequence.get() - 1);
        assertThat(chargesOf(customer)).isEqualTo(1);
        assertThat(LEDGER.effectiveOn(customer.account())).hasSize(1);
    }

    @Test
    void R21_it_is_armed_again_only_once_the_balance_is_back_at_the_threshold() {
        var customer = customerWithAutoTopUp(VISA_SUCCEEDS);
        customer.publish(customer.add(20));
        customer.publish(customer.use(15));
        var first = awaitCharge(customer, "SUBMITTED");
        awaitPurchase(customer.account(), purchaseOf(first), "CREDITED");

        // Still below after a smaller top-up elsewhere: no second purchase.
        customer.publish(customer.add(2));
        customer.publish(customer.use(1));
        awaitBalanceSequence(customer, customer.sequence.get() - 1);
        assertThat(chargesOf(customer)).isEqualTo(1);

        customer.publish(customer.add(PLAN_CREDITS));
        awaitBalanceSequence(customer, customer.sequence.get() - 1);
        assertThat(autoTopUp(customer).path("status").asText()).isEqualTo("ARMED");
        customer.publish(customer.use(PLAN_CREDITS));

        eventually().until(() -> chargesOf(customer) == 2);
        eventually().until(() -> LEDGER.effectiveOn(customer.account()).size() == 2);
    }

    @Test
    void R21_a_declined_card_stops_the_auto_top_up_tells_the_partner_and_charges_no_more() {
        var customer = customerWithAutoTopUp(DECLINED);
        customer.publish(customer.add(20));
        customer.publish(customer.use(15));

        var charge = awaitCharge(customer, "DECLINED");
        var settings = autoTopUp(customer);
        assertThat(settings.path("status").asText()).isEqualTo("FAILED");
        assertThat(settings.path("failureCode").asText()).isEqualTo("CARD_DECLINED");
        var partnerView =
                send(HttpMethod.GET, "/api/v1/partners/" + customer.partner + "/auto-top-ups", null)
                        .getBody();
        assertThat(partnerView.get(0).path("status").asText()).isEqualTo("FAILED");
        assertThat(partnerView.get(0).path("failureCode").asText()).isEqualTo("CARD_DECLINED");
        var notice = awaitStopNotice(customer);
        assertThat(notice.partnerId()).isEqualTo(customer.partner);
        assertThat(notice.reason()).isEqualTo("CARD_DECLINED");
        assertThat(notice.chargeId()).isEqualTo(charge);

        customer.publish(customer.add(40));
        customer.publish(customer.use(45));
        awaitBalanceSequence(customer, customer.sequence.get() - 1);
        clock.advance(Duration.ofHours(1));
        charger.sweep();
        charger.attempt(charge);

        assertThat(chargesOf(customer)).isEqualTo(1);
        assertThat(purchasesOf(customer)).isEqualTo(1);
        assertThat(LEDGER.effectiveOn(customer.account())).isEmpty();
    }

    @Test
    void R21_processing_errors_are_retried_three_times_in_all_then_it_stops() {
        var customer = customerWithAutoTopUp(PROCESSING_ERROR);
        customer.publish(customer.add(20));
        customer.publish(customer.use(15));

        var charge = awaitCharge(customer, "PENDING");
        eventually().until(() -> attemptsOf(charge) == 1);
        charger.sweep();
        assertThat(attemptsOf(charge)).as("not due yet").isEqualTo(1);
        clock.advance(TopUpCharger.FIRST_RETRY_DELAY);
        charger.sweep();
        assertThat(attemptsOf(charge)).isEqualTo(2);
        clock.advance(TopUpCharger.FIRST_RETRY_DELAY.multipliedBy(2));
        charger.sweep();
        clock.advance(Duration.ofHours(1));
        charger.sweep();

        assertThat(statusOf(charge)).isEqualTo("FAILED");
        assertThat(awaitStopNotice(customer).reason()).isEqualTo("PAYMENT_PROCESSING_ERROR");
        assertThat(autoTopUp(customer).path("failureCode").asText())
                .isEqualTo("PAYMENT_PROCESSING_ERROR");
        assertThat(purchasesOf(customer)).isEqualTo(TopUpCharger.MAX_ATTEMPTS);
        assertThat(LEDGER.effectiveOn(customer.account())).isEmpty();
    }

    @Test
    void R21_saving_the_same_settings_again_during_a_crossing_buys_no_second_time() {
        var customer = customerWithAutoTopUp(VISA_SUCCEEDS);
        customer.publish(customer.add(20));
        customer.publish(customer.use(15));
        awaitCharge(customer, "SUBMITTED");
        var planId = autoTopUp(customer).path("planId").asText();

        var again = setAutoTopUp(customer.id, THRESHOLD_CREDITS * CREDIT, planId);
        customer.publish(customer.use(1));

        assertThat(again.getBody().path("status").asText()).isEqualTo("WAITING");
        awaitBalanceSequence(customer, customer.sequence.get() - 1);
        assertThat(chargesOf(customer)).isEqualTo(1);
    }

    private org.springframework.http.ResponseEntity<com.fasterxml.jackson.databind.JsonNode>
            setAutoTopUp(String customerId, long thresholdUcr, String planId) {
        return send(
                HttpMethod.PUT,
                "/api/v1/accounts/customer:" + customerId + "/auto-top-up",
                """
                {"thresholdUcr":%d,"planId":"%s"}"""
                        .formatted(thresholdUcr, planId));
    }

    private com.fasterxml.jackson.databind.JsonNode autoTopUp(Customer customer) {
        return send(HttpMethod.GET, "/api/v1/accounts/" + customer.account() + "/auto-top-up", null)
                .getBody();
    }

    private String awaitCharge(Customer customer, String status) {
        eventually()
                .until(
                        () ->
                                !jdbc.queryForList(
                                                "SELECT 1 FROM billing.auto_top_up_charges"
                                                        + " WHERE customer_id = ? AND status = ?",
                                                customer.id,
                                                status)
                                        .isEmpty());
        return jdbc.queryForObject(
                "SELECT charge_id FROM billing.auto_top_up_charges WHERE customer_id = ?",
                String.class,
                customer.id);
    }

    private void awaitBalanceSequence(Customer customer, long sequence) {
        eventually()
                .until(
                        () ->
                                jdbc.queryForObject(
                                                "SELECT last_sequence FROM"
                                                        + " billing.ai_credit_balances WHERE"
                                                        + " customer_id = ?",
                                                Long.class,
                                                customer.id)
                                        >= sequence);
    }

    /** The stop notice billing published for the customer on billing.auto-top-up.v1. */
    private io.ledgerline.contracts.billing.AutoTopUpStopped awaitStopNotice(Customer customer) {
        var found =
                new java.util.concurrent.atomic.AtomicReference<
                        io.ledgerline.contracts.billing.AutoTopUpStopped>();
        var earliest = new java.util.Properties();
        earliest.put(
                org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (var consumer = consumers.createConsumer(unique("notices"), null, null, earliest)) {
            consumer.subscribe(List.of(Topics.BILLING_AUTO_TOP_UP.name()));
            eventually()
                    .until(
                            () -> {
                                for (var record : consumer.poll(Duration.ofMillis(200))) {
                                    if (record.key().equals(customer.id)) {
                                        found.set(
                                                ContractJson.fromBytes(
                                                        record.value(),
                                                        io.ledgerline.contracts.billing
                                                                .AutoTopUpStopped.class));
                                    }
                                }
                                return found.get() != null;
                            });
        }
        return found.get();
    }

    private String purchaseOf(String chargeId) {
        return jdbc.queryForObject(
                "SELECT purchase_id FROM billing.auto_top_up_charges WHERE charge_id = ?",
                String.class,
                chargeId);
    }

    private int attemptsOf(String chargeId) {
        var row =
                jdbc.queryForMap(
                        "SELECT attempts, status FROM billing.auto_top_up_charges"
                                + " WHERE charge_id = ?",
                        chargeId);
        int failed = ((Number) row.get("attempts")).intValue();
        return row.get("status").equals("PENDING") ? failed : failed + 1;
    }

    private String statusOf(String chargeId) {
        return jdbc.queryForObject(
                "SELECT status FROM billing.auto_top_up_charges WHERE charge_id = ?",
                String.class,
                chargeId);
    }

    private long chargesOf(Customer customer) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM billing.auto_top_up_charges WHERE customer_id = ?",
                Long.class,
                customer.id);
    }

    private long purchasesOf(Customer customer) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM billing.purchases WHERE owner = ?",
                Long.class,
                customer.account());
    }

    /** A customer's made-up ledger events, with the sequences the ledger would give them. */
    private final class Customer {
        final String partner;
        final String id;
        final AtomicLong sequence = new AtomicLong(1);

        Customer(String partner, String id) {
            this.partner = partner;
            this.id = id;
        }

        String account() {
            return "customer:" + id;
        }

        private EventHeader next() {
            return new EventHeader(
                    UUID.randomUUID().toString(),
                    AccountId.customer(id),
                    sequence.getAndIncrement(),
                    "cmd-" + UUID.randomUUID(),
                    Instant.now(),
                    "0".repeat(64));
        }

        LedgerEvent add(long credits) {
            var transfer =
                    new Transfer(
                            LedgerId.ai(partner),
                            LedgerAccounts.partnerAiIssuance(partner),
                            LedgerAccounts.customerAi(id),
                            Credits.ofCredits(credits));
            return new CreditsAdded(next(), transfer, "top-up", null);
        }

        LedgerEvent use(long credits) {
            var transfer =
                    new Transfer(
                            LedgerId.ai(partner),
                            LedgerAccounts.customerAi(id),
                            LedgerAccounts.partnerAiRevenue(partner),
                            Credits.ofCredits(credits));
            return new UsageMetered(
                    next(), transfer, "u-" + UUID.randomUUID(), "chat", AccountId.customer(id));
        }

        void publish(LedgerEvent event) {
            AutoTopUpTest.this.publish(
                    Topics.LEDGER_EVENTS.name(),
                    account(),
                    LedgerEventTypes.nameOf(event),
                    ContractJson.toBytes(event));
        }

        /** A burst sent at once, as the ledger's writers produce it; the broker keeps the order. */
        void publishAll(List<LedgerEvent> events) {
            var sends =
                    events.stream()
                            .map(
                                    event -> {
                                        var record =
                                                new org.apache.kafka.clients.producer
                                                        .ProducerRecord<>(
                                                        Topics.LEDGER_EVENTS.name(),
                                                        account(),
                                                        ContractJson.toBytes(event));
                                        record.headers()
                                                .add(
                                                        Topics.TYPE_HEADER,
                                                        LedgerEventTypes.nameOf(event)
                                                                .getBytes(
                                                                        java.nio.charset
                                                                                .StandardCharsets
                                                                                .UTF_8));
                                        return kafka.send(record);
                                    })
                            .toList();
            sends.forEach(CompletableFuture::join);
        }
    }
}
