package io.ledgerline.billing.refunds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.ledgerline.billing.support.CommerceTestBase;
import io.ledgerline.billing.support.FakeLedger.Received;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** A refund through the built-in provider corrects the credits its invoice granted, once. */
class RefundsTest extends CommerceTestBase {

    @Test
    void a_refund_deducts_the_refunded_share_of_the_credits_once_per_provider_event() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var account = "customer:" + customer;
        var invoiceId = paidPlan(partner, customer, 100);

        var half = refund(account, invoiceId, unique("rf"), 3000L);

        assertThat(half.getStatusCode().value()).isEqualTo(202);
        eventually().until(() -> deductions(account).size() == 1);
        var deduction = deductions(account).get(0);
        assertThat(deduction.amountUcr()).isEqualTo(50 * CREDIT);
        assertThat(deduction.commandId()).startsWith("reversal-evt_");
        assertThat(deduction.note()).contains("Refund of invoice LL-");
        assertThat(LEDGER.spendable(account)).isEqualTo(50 * CREDIT);
        var events = providerEventsOf(invoiceId);
        var refundEvent = events.get(events.size() - 1);
        awaitDelivered(refundEvent);
        send(
                HttpMethod.POST,
                "/api/v1/payment-provider/events/" + refundEvent + "/redeliver",
                null);
        awaitDelivered(refundEvent);
        assertThat(deductions(account)).hasSize(1);
        var corrections = corrections(partner);
        assertThat(corrections).hasSize(1);
        assertThat(corrections.get(0).path("status").asText()).isEqualTo("DEDUCTED");
        assertThat(corrections.get(0).path("kind").asText()).isEqualTo("REFUND");
        assertThat(invoice(account, invoiceId).path("amountRefundedCents").asLong())
                .isEqualTo(3000);

        var tooMuch = refund(account, invoiceId, unique("rf"), 3001L);
        assertThat(tooMuch.getStatusCode().value()).isEqualTo(422);
        assertThat(code(tooMuch)).isEqualTo("REFUND_EXCEEDS_PAYMENT");
    }

    @Test
    void a_refund_the_balance_cannot_cover_is_recorded_as_debt_the_partner_sees() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var account = "customer:" + customer;
        var invoiceId = paidPlan(partner, customer, 100);
        LEDGER.fund(account, 10 * CREDIT, 0);

        var refunded = refund(account, invoiceId, unique("rf"), null);

        assertThat(refunded.getStatusCode().value()).isEqualTo(202);
        assertThat(refunded.getBody().path("amountCents").asLong()).isEqualTo(6000);
        eventually().until(() -> corrections(partner).size() == 1);
        var debt = corrections(partner).get(0);
        assertThat(debt.path("status").asText()).isEqualTo("DEBT");
        assertThat(debt.path("creditsUcr").asLong()).isEqualTo(100 * CREDIT);
        assertThat(debt.path("ledgerRefusal").asText()).isEqualTo("INSUFFICIENT_CREDITS");
        assertThat(deductions(account)).isEmpty();
        assertThat(LEDGER.spendable(account)).isEqualTo(10 * CREDIT);
    }

    @Test
    void an_open_invoice_is_not_refundable_and_refunds_need_the_operate_scope() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var account = "customer:" + customer;
        var planId = plan(partner, "Declined", 1000, 10);
        card(account, DECLINED);
        var purchaseId = unique("buy");
        buy(customer, purchaseId, planId);
        var invoiceId = purchase(account, purchaseId).getBody().path("invoiceId").asText();

        var open = refund(account, invoiceId, unique("rf"), null);

        assertThat(open.getStatusCode().value()).isEqualTo(409);
        assertThat(code(open)).isEqualTo("INVOICE_NOT_REFUNDABLE");
        var narrow =
                send(
                        HttpMethod.POST,
                        "/api/v1/accounts/" + account + "/invoices/" + invoiceId + "/refunds",
                        "{\"refundId\":\"r1\"}",
                        io.ledgerline.testsupport.auth.TestTokens.bearer("billing.purchases"));
        assertThat(narrow.getStatusCode().value()).isEqualTo(403);
    }

    private String paidPlan(String partner, String customer, long credits) {
        var account = "customer:" + customer;
        var planId = plan(partner, "Refundable", 6000, credits);
        card(account, VISA_SUCCEEDS);
        var purchaseId = unique("buy");
        buy(customer, purchaseId, planId);
        return awaitPurchase(account, purchaseId, "CREDITED").path("invoiceId").asText();
    }

    private ResponseEntity<JsonNode> refund(
            String account, String invoiceId, String refundId, Long amountCents) {
        return send(
                HttpMethod.POST,
                "/api/v1/accounts/" + account + "/invoices/" + invoiceId + "/refunds",
                amountCents == null
                        ? "{\"refundId\":\"%s\"}".formatted(refundId)
                        : "{\"refundId\":\"%s\",\"amountCents\":%d}"
                                .formatted(refundId, amountCents));
    }

    private java.util.List<Received> deductions(String account) {
        return LEDGER.effectiveOn(account).stream()
                .filter(r -> r.kind().equals("DeductCredits"))
                .toList();
    }

    private java.util.List<JsonNode> corrections(String partner) {
        var body =
                send(HttpMethod.GET, "/api/v1/partners/" + partner + "/payment-corrections", null)
                        .getBody();
        var list = new java.util.ArrayList<JsonNode>();
        body.forEach(list::add);
        return list;
    }
}
