package io.ledgerline.billing.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.billing.support.CommerceTestBase;
import io.ledgerline.billing.support.FakeLedger.Received;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** A customer buys a credit plan through the built-in provider; credits follow the payment. */
class CreditPlanPurchaseTest extends CommerceTestBase {

    @Test
    void
            R16_a_customer_buys_a_visible_plan_and_the_ledger_adds_its_ai_credits_with_the_plan_in_the_note() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var account = "customer:" + customer;
        var planId = plan(partner, "100 minutes", 6000, 100);
        card(account, VISA_SUCCEEDS);
        var purchaseId = unique("buy");

        var bought = buy(customer, purchaseId, planId);

        assertThat(bought.getStatusCode().value()).isEqualTo(202);
        assertThat(bought.getBody().path("priceUsdCents").asLong()).isEqualTo(6000);
        var credited = awaitPurchase(account, purchaseId, "CREDITED");
        var grants = LEDGER.effectiveOn(account);
        assertThat(grants).hasSize(1);
        assertThat(grants.get(0).kind()).isEqualTo("AddCredits");
        assertThat(grants.get(0).amountUcr()).isEqualTo(100 * CREDIT);
        assertThat(grants.get(0).note()).contains("100 minutes");
        assertThat(grants.get(0).commandId()).startsWith("payment-evt_");
        assertThat(LEDGER.spendable(account)).isEqualTo(100 * CREDIT);
        var invoice = invoice(account, credited.path("invoiceId").asText());
        assertThat(invoice.path("status").asText()).isEqualTo("PAID");
        assertThat(invoice.path("totalCents").asLong()).isEqualTo(6000);
        assertThat(invoice.path("amountPaidCents").asLong()).isEqualTo(6000);
        assertThat(invoice.path("amountDueCents").asLong()).isZero();
        assertThat(invoice.path("lines")).hasSize(1);
        assertThat(invoice.path("lines").get(0).path("description").asText())
                .contains("100 minutes");
    }

    @Test
    void R16_a_declined_card_grants_nothing_and_the_open_invoice_is_then_paid_with_another_card() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var account = "customer:" + customer;
        var planId = plan(partner, "Starter", 1500, 20);
        card(account, DECLINED);
        var purchaseId = unique("buy");

        var declined = buy(customer, purchaseId, planId);

        assertThat(declined.getStatusCode().value()).isEqualTo(402);
        assertThat(code(declined)).isEqualTo("CARD_DECLINED");
        var pending = purchase(account, purchaseId).getBody();
        assertThat(pending.path("status").asText()).isEqualTo("AWAITING_PAYMENT");
        var invoiceId = pending.path("invoiceId").asText();
        var failedEvents = providerEventsOf(invoiceId);
        assertThat(failedEvents).hasSize(1);
        awaitDelivered(failedEvents.get(0));
        assertThat(invoice(account, invoiceId).path("status").asText()).isEqualTo("OPEN");
        assertThat(invoice(account, invoiceId).path("lastPaymentError").asText())
                .isEqualTo("CARD_DECLINED");
        assertThat(LEDGER.effectiveOn(account)).isEmpty();
        // The same purchase again answers the same refusal and charges nothing more.
        assertThat(code(buy(customer, purchaseId, planId))).isEqualTo("CARD_DECLINED");
        assertThat(providerEventsOf(invoiceId)).hasSize(1);

        var paid = payInvoice(account, invoiceId, card(account, VISA_SUCCEEDS));

        assertThat(paid.getStatusCode().value()).isEqualTo(202);
        awaitPurchase(account, purchaseId, "CREDITED");
        assertThat(LEDGER.effectiveOn(account))
                .extracting(Received::amountUcr)
                .containsExactly(20 * CREDIT);
        assertThat(invoice(account, invoiceId).path("status").asText()).isEqualTo("PAID");
    }

    @Test
    void insufficient_funds_and_a_processing_error_are_refused_with_their_own_codes() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var account = "customer:" + customer;
        var planId = plan(partner, "Starter", 1500, 20);
        var poor = card(account, INSUFFICIENT_FUNDS);
        var flaky = card(account, PROCESSING_ERROR);

        var noFunds = buy(customer, unique("buy"), planId);
        var retry =
                send(
                        HttpMethod.POST,
                        "/api/v1/accounts/" + account + "/purchases",
                        """
                        {"purchaseId":"%s","planId":"%s","paymentMethodId":"%s"}"""
                                .formatted(unique("buy"), planId, flaky));

        assertThat(poor).isNotEqualTo(flaky);
        assertThat(noFunds.getStatusCode().value()).isEqualTo(402);
        assertThat(code(noFunds)).isEqualTo("CARD_INSUFFICIENT_FUNDS");
        assertThat(retry.getStatusCode().value()).isEqualTo(503);
        assertThat(code(retry)).isEqualTo("PAYMENT_PROCESSING_ERROR");
        assertThat(LEDGER.effectiveOn(account)).isEmpty();
    }

    @Test
    void R16_a_plan_hidden_from_the_customer_or_archived_is_refused_and_nothing_is_invoiced() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var account = "customer:" + customer;
        var shown = plan(partner, "Shown", 1000, 10);
        var hidden = plan(partner, "Hidden", 2000, 25);
        var archived = plan(partner, "Old", 500, 5);
        card(account, VISA_SUCCEEDS);
        send(
                HttpMethod.POST,
                "/api/v1/partners/" + partner + "/credit-plans/" + archived + "/archive",
                null);

        var restricted =
                send(
                        HttpMethod.PUT,
                        "/api/v1/customers/" + customer + "/credit-plan-visibility",
                        "{\"planIds\":[\"" + shown + "\",\"" + archived + "\"]}");
        var refusedHidden = buy(customer, unique("buy"), hidden);
        var refusedArchived = buy(customer, unique("buy"), archived);

        assertThat(restricted.getStatusCode().value()).isEqualTo(200);
        assertThat(
                        send(
                                        HttpMethod.GET,
                                        "/api/v1/customers/" + customer + "/credit-plans",
                                        null)
                                .getBody()
                                .findValuesAsText("planId"))
                .containsExactly(shown);
        assertThat(refusedHidden.getStatusCode().value()).isEqualTo(422);
        assertThat(code(refusedHidden)).isEqualTo("PLAN_NOT_AVAILABLE");
        assertThat(code(refusedArchived)).isEqualTo("PLAN_NOT_AVAILABLE");
        assertThat(invoicesOf(account)).isZero();
        assertThat(LEDGER.effectiveOn(account)).isEmpty();
    }

    @Test
    void unknown_plans_customers_and_another_partners_plans_are_refused_before_any_charge() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var account = "customer:" + customer;
        var othersPlan = plan(unique("p"), "Elsewhere", 1000, 10);
        card(account, VISA_SUCCEEDS);

        var unknownPlan = buy(customer, unique("buy"), "plan-nope");
        var othersPlanRefused = buy(customer, unique("buy"), othersPlan);
        var unknownCustomer = buy(unique("nobody"), unique("buy"), othersPlan);
        var onAPartner =
                send(
                        HttpMethod.POST,
                        "/api/v1/accounts/partner:" + partner + "/purchases",
                        "{\"purchaseId\":\"x1\",\"planId\":\"" + othersPlan + "\"}");

        assertThat(unknownPlan.getStatusCode().value()).isEqualTo(404);
        assertThat(code(unknownPlan)).isEqualTo("PLAN_NOT_FOUND");
        assertThat(code(othersPlanRefused)).isEqualTo("PLAN_NOT_FOUND");
        assertThat(unknownCustomer.getStatusCode().value()).isEqualTo(404);
        assertThat(code(unknownCustomer)).isEqualTo("CUSTOMER_UNKNOWN");
        assertThat(code(onAPartner)).isEqualTo("INVALID_ID");
        assertThat(invoicesOf(account)).isZero();
    }

    @Test
    void the_same_purchase_id_twice_is_one_invoice_and_one_grant_and_other_details_conflict() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var account = "customer:" + customer;
        var planId = plan(partner, "Twice", 1000, 10);
        var other = plan(partner, "Other", 3000, 30);
        card(account, VISA_SUCCEEDS);
        var purchaseId = unique("buy");

        var first = buy(customer, purchaseId, planId);
        var again = buy(customer, purchaseId, planId);
        var conflicting = buy(customer, purchaseId, other);

        assertThat(again.getBody().path("invoiceId")).isEqualTo(first.getBody().path("invoiceId"));
        assertThat(conflicting.getStatusCode().value()).isEqualTo(409);
        assertThat(code(conflicting)).isEqualTo("EXISTS_WITH_DIFFERENT_PAYLOAD");
        awaitPurchase(account, purchaseId, "CREDITED");
        assertThat(invoicesOf(account)).isEqualTo(1);
        assertThat(LEDGER.effectiveOn(account)).hasSize(1);
    }

    @Test
    void a_customer_without_a_default_method_must_name_one() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var planId = plan(partner, "Plan", 1000, 10);

        var refused = buy(customer, unique("buy"), planId);

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(code(refused)).isEqualTo("NO_PAYMENT_METHOD");
        assertThat(invoicesOf("customer:" + customer)).isZero();
    }

    private long invoicesOf(String account) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM billing.invoices WHERE owner = ?", Long.class, account);
    }
}
