package io.ledgerline.billing.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.billing.support.CommerceTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** The Invoices tab: one invoice per purchase, newest first; a paid one is not paid again. */
class InvoicesTest extends CommerceTestBase {

    @Test
    void R17_each_purchase_has_an_invoice_and_paying_a_paid_invoice_is_refused_without_a_charge() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var account = "customer:" + customer;
        var small = plan(partner, "Small", 1000, 10);
        var large = plan(partner, "Large", 4500, 50);
        var method = card(account, VISA_SUCCEEDS);
        var first = unique("buy");
        var second = unique("buy");
        buy(customer, first, small);
        buy(customer, second, large);
        var paidInvoice = awaitPurchase(account, first, "CREDITED").path("invoiceId").asText();
        awaitPurchase(account, second, "CREDITED");
        long eventsBefore = count("SELECT count(*) FROM billing.provider_events");

        var again = payInvoice(account, paidInvoice, method);

        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(code(again)).isEqualTo("INVOICE_ALREADY_PAID");
        assertThat(count("SELECT count(*) FROM billing.provider_events")).isEqualTo(eventsBefore);
        var invoices =
                send(HttpMethod.GET, "/api/v1/accounts/" + account + "/invoices", null).getBody();
        assertThat(invoices.findValuesAsText("totalCents")).containsExactly("4500", "1000");
        assertThat(invoices.findValuesAsText("status")).containsExactly("PAID", "PAID");
        assertThat(invoices.get(0).path("number").asText()).startsWith("LL-");
        assertThat(LEDGER.effectiveOn(account)).hasSize(2);
    }

    @Test
    void an_invoice_of_another_account_is_not_found() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var account = "customer:" + customer;
        card(account, DECLINED);
        var purchaseId = unique("buy");
        buy(customer, purchaseId, plan(partner, "Mine", 1000, 10));
        var invoiceId = purchase(account, purchaseId).getBody().path("invoiceId").asText();

        var foreign =
                send(
                        HttpMethod.GET,
                        "/api/v1/accounts/customer:" + unique("c") + "/invoices/" + invoiceId,
                        null);

        assertThat(foreign.getStatusCode().value()).isEqualTo(404);
        assertThat(code(foreign)).isEqualTo("INVOICE_NOT_FOUND");
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
