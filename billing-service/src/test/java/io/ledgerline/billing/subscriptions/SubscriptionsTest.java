package io.ledgerline.billing.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.ledgerline.billing.support.CommerceTestBase;
import io.ledgerline.billing.support.FakeLedger.Received;
import io.ledgerline.billing.support.TestClock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;

/** Subscriptions to recurring credit plans (R17), renewed by the sweep as the clock moves. */
class SubscriptionsTest extends CommerceTestBase {

    /** Past the end of any calendar month started now. */
    private static final Duration A_MONTH_LATER = Duration.ofDays(32);

    @Autowired TestClock clock;
    @Autowired SubscriptionRenewals renewals;
    @Autowired Subscriptions subscriptions;

    @Test
    void R17_a_renewal_across_a_moved_clock_invoices_charges_and_grants_once_per_period() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var account = "customer:" + customer;
        var planId = monthlyPlan(partner, "Monthly 500", 2900, 500);
        card(account, VISA_SUCCEEDS);
        var subscriptionId = unique("sub");

        var subscribed = subscribe(account, subscriptionId, planId);

        assertThat(subscribed.getStatusCode().value()).isEqualTo(202);
        var first = subscribed.getBody();
        assertThat(first.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(first.path("periodNo").asInt()).isEqualTo(1);
        assertThat(first.path("nextBillingAt").asText())
                .isEqualTo(first.path("currentPeriodEnd").asText());
        awaitGrants(account, 1);
        assertThat(LEDGER.effectiveOn(account).get(0).note()).contains("Monthly 500");

        clock.advance(A_MONTH_LATER);
        renewals.sweep();
        renewals.sweep();

        awaitGrants(account, 2);
        var renewed = subscription(account, subscriptionId);
        assertThat(renewed.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(renewed.path("periodNo").asInt()).isEqualTo(2);
        assertThat(renewed.path("currentPeriodStart").asText())
                .isEqualTo(first.path("currentPeriodEnd").asText());
        assertThat(Instant.parse(renewed.path("nextBillingAt").asText()))
                .isAfter(Instant.parse(first.path("nextBillingAt").asText()));
        var invoices = invoices(account);
        assertThat(invoices).hasSize(2);
        eventually()
                .until(
                        () ->
                                invoices(account).findValuesAsText("status").stream()
                                        .allMatch("PAID"::equals));
        assertThat(
                        invoice(account, renewed.path("latestInvoiceId").asText())
                                .path("totalCents")
                                .asLong())
                .isEqualTo(2900);

        // The same period swept again, and its payment event delivered again, grant nothing more.
        renewals.sweep();
        for (var eventId : providerEventsOf(renewed.path("latestInvoiceId").asText())) {
            send(
                    HttpMethod.POST,
                    "/api/v1/payment-provider/events/" + eventId + "/redeliver",
                    null);
            awaitDelivered(eventId);
        }
        assertThat(invoices(account)).hasSize(2);
        assertThat(LEDGER.effectiveOn(account))
                .extracting(Received::amountUcr)
                .containsExactly(500 * CREDIT, 500 * CREDIT);
    }

    @Test
    void R17_a_period_invoiced_but_not_charged_before_a_stop_is_charged_by_the_next_sweep_once() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var account = "customer:" + customer;
        var planId = monthlyPlan(partner, "Monthly 70", 700, 70);
        card(account, VISA_SUCCEEDS);
        var subscriptionId = unique("sub");
        subscribe(account, subscriptionId, planId);
        awaitGrants(account, 1);
        clock.advance(A_MONTH_LATER);
        // Billing stops after issuing the next period's invoice, before charging it.
        var invoiceId = subscriptions.nextPeriod(subscriptionId);
        assertThat(invoice(account, invoiceId).path("status").asText()).isEqualTo("OPEN");

        renewals.sweep();
        renewals.sweep();

        awaitGrants(account, 2);
        assertThat(subscription(account, subscriptionId).path("periodNo").asInt()).isEqualTo(2);
        assertThat(invoices(account)).hasSize(2);
        assertThat(providerEventsOf(invoiceId)).hasSize(1);
    }

    @Test
    void R17_a_declined_renewal_makes_the_subscription_past_due_and_grants_nothing() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var account = "customer:" + customer;
        var planId = monthlyPlan(partner, "Monthly 100", 900, 100);
        card(account, VISA_SUCCEEDS);
        var subscriptionId = unique("sub");
        subscribe(account, subscriptionId, planId);
        awaitGrants(account, 1);
        var declining = card(account, DECLINED);
        send(
                HttpMethod.POST,
                "/api/v1/accounts/" + account + "/payment-methods/" + declining + "/default",
                null);

        clock.advance(A_MONTH_LATER);
        renewals.sweep();

        var pastDue = subscription(account, subscriptionId);
        assertThat(pastDue.path("status").asText()).isEqualTo("PAST_DUE");
        var open = invoice(account, pastDue.path("latestInvoiceId").asText());
        assertThat(open.path("status").asText()).isEqualTo("OPEN");
        assertThat(open.path("lastPaymentError").asText()).isEqualTo("CARD_DECLINED");
        awaitDelivered(providerEventsOf(open.path("invoiceId").asText()).get(0));
        assertThat(LEDGER.effectiveOn(account)).hasSize(1);
        // A past-due subscription is not renewed again while its invoice is open.
        renewals.sweep();
        assertThat(invoices(account)).hasSize(2);

        var deleted =
                send(
                        HttpMethod.DELETE,
                        "/api/v1/accounts/" + account + "/payment-methods/" + declining,
                        null);
        assertThat(deleted.getStatusCode().value()).isEqualTo(409);
        assertThat(code(deleted)).isEqualTo("DEFAULT_METHOD_IN_USE");
    }

    @Test
    void R17_a_cancelled_subscription_ends_at_its_period_end_without_another_charge() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var account = "customer:" + customer;
        var planId = monthlyPlan(partner, "Monthly 50", 500, 50);
        var method = card(account, VISA_SUCCEEDS);
        var subscriptionId = unique("sub");
        subscribe(account, subscriptionId, planId);
        awaitGrants(account, 1);

        var cancelled = cancel(account, subscriptionId);

        assertThat(cancelled.getStatusCode().value()).isEqualTo(200);
        assertThat(cancelled.getBody().path("cancelAtPeriodEnd").asBoolean()).isTrue();
        assertThat(cancelled.getBody().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(cancelled.getBody().path("nextBillingAt").isNull()).isTrue();
        assertThat(code(cancel(account, subscriptionId))).isEqualTo("SUBSCRIPTION_CANCELED");

        clock.advance(A_MONTH_LATER);
        renewals.sweep();

        assertThat(subscription(account, subscriptionId).path("status").asText())
                .isEqualTo("CANCELED");
        assertThat(invoices(account)).hasSize(1);
        assertThat(LEDGER.effectiveOn(account)).hasSize(1);
        var deleted =
                send(
                        HttpMethod.DELETE,
                        "/api/v1/accounts/" + account + "/payment-methods/" + method,
                        null);
        assertThat(deleted.getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void a_one_off_plan_or_a_second_subscription_to_a_plan_is_refused_and_nothing_is_charged() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var account = "customer:" + customer;
        var oneOff = plan(partner, "Once", 1000, 10);
        var monthly = monthlyPlan(partner, "Monthly", 1000, 10);
        var method = card(account, VISA_SUCCEEDS);

        var notRecurring = subscribe(account, unique("sub"), oneOff);
        var subscriptionId = unique("sub");
        subscribe(account, subscriptionId, monthly);
        var again = subscribe(account, subscriptionId, monthly);
        var second = subscribe(account, unique("sub"), monthly);

        assertThat(notRecurring.getStatusCode().value()).isEqualTo(422);
        assertThat(code(notRecurring)).isEqualTo("PLAN_NOT_RECURRING");
        assertThat(again.getStatusCode().value()).isEqualTo(202);
        assertThat(code(second)).isEqualTo("SUBSCRIPTION_EXISTS");
        assertThat(invoices(account)).hasSize(1);
        var deleted =
                send(
                        HttpMethod.DELETE,
                        "/api/v1/accounts/" + account + "/payment-methods/" + method,
                        null);
        assertThat(code(deleted)).isEqualTo("DEFAULT_METHOD_IN_USE");
    }

    private String monthlyPlan(String partner, String name, long priceCents, long credits) {
        var created =
                send(
                        HttpMethod.POST,
                        "/api/v1/partners/" + partner + "/credit-plans",
                        """
                        {"name":"%s","priceUsdCents":%d,"aiCreditsUcr":%d,"interval":"MONTH"}"""
                                .formatted(name, priceCents, credits * CREDIT));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().path("interval").asText()).isEqualTo("MONTH");
        return created.getBody().path("planId").asText();
    }

    private ResponseEntity<JsonNode> subscribe(String account, String subscriptionId, String plan) {
        return send(
                HttpMethod.POST,
                "/api/v1/accounts/" + account + "/subscriptions",
                """
                {"subscriptionId":"%s","planId":"%s"}"""
                        .formatted(subscriptionId, plan));
    }

    private ResponseEntity<JsonNode> cancel(String account, String subscriptionId) {
        return send(
                HttpMethod.POST,
                "/api/v1/accounts/" + account + "/subscriptions/" + subscriptionId + "/cancel",
                null);
    }

    private JsonNode subscription(String account, String subscriptionId) {
        return send(
                        HttpMethod.GET,
                        "/api/v1/accounts/" + account + "/subscriptions/" + subscriptionId,
                        null)
                .getBody();
    }

    private JsonNode invoices(String account) {
        return send(HttpMethod.GET, "/api/v1/accounts/" + account + "/invoices", null).getBody();
    }

    private void awaitGrants(String account, int count) {
        eventually().until(() -> LEDGER.effectiveOn(account).size() >= count);
        assertThat(LEDGER.effectiveOn(account)).hasSize(count);
    }
}
