package io.ledgerline.billing.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.billing.support.CommerceTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** Partners buy platform credits through the provider: 100 credits = 1.00 USD. */
class QuickBuyTest extends CommerceTestBase {

    @Test
    void R16_a_partner_quick_buys_platform_credits_which_the_ledger_adds_after_the_payment() {
        var partner = unique("p");
        var account = "partner:" + partner;
        LEDGER.fund(account, 0, 0);
        card(account, VISA_SUCCEEDS);
        var purchaseId = unique("qb");

        var bought = quickBuy(account, purchaseId, "1234");

        assertThat(bought.getStatusCode().value()).isEqualTo(202);
        var credited = awaitPurchase(account, purchaseId, "CREDITED");
        assertThat(credited.path("kind").asText()).isEqualTo("QUICK_BUY");
        var grants = LEDGER.effectiveOn(account);
        assertThat(grants).hasSize(1);
        assertThat(grants.get(0).kind()).isEqualTo("AddCredits");
        assertThat(grants.get(0).amountUcr()).isEqualTo(1234 * CREDIT);
        assertThat(grants.get(0).note()).contains("Quick Buy $12.34");
        var invoice = invoice(account, credited.path("invoiceId").asText());
        assertThat(invoice.path("totalCents").asLong()).isEqualTo(1234);
        assertThat(invoice.path("status").asText()).isEqualTo("PAID");
    }

    @Test
    void zero_negative_over_precise_and_huge_amounts_are_refused_and_nothing_is_invoiced() {
        var partner = unique("p");
        var account = "partner:" + partner;
        card(account, VISA_SUCCEEDS);

        for (var amount : java.util.List.of("0", "-100", "12.5", "100000001")) {
            var refused = quickBuy(account, unique("qb"), amount);
            assertThat(refused.getStatusCode().value()).as(amount).isEqualTo(422);
            assertThat(code(refused)).as(amount).isEqualTo("INVALID_PRICE");
        }
        assertThat(code(quickBuy("customer:" + unique("c"), unique("qb"), "100")))
                .isEqualTo("INVALID_ID");
        assertThat(
                        jdbc.queryForObject(
                                "SELECT count(*) FROM billing.invoices WHERE owner = ?",
                                Long.class,
                                account))
                .isZero();
    }

    @Test
    void a_declined_quick_buy_adds_no_platform_credits() {
        var partner = unique("p");
        var account = "partner:" + partner;
        card(account, DECLINED);

        var refused = quickBuy(account, unique("qb"), "5000");

        assertThat(refused.getStatusCode().value()).isEqualTo(402);
        assertThat(code(refused)).isEqualTo("CARD_DECLINED");
        assertThat(LEDGER.effectiveOn(account)).isEmpty();
    }

    private org.springframework.http.ResponseEntity<com.fasterxml.jackson.databind.JsonNode>
            quickBuy(String account, String purchaseId, String cents) {
        return send(
                HttpMethod.POST,
                "/api/v1/accounts/" + account + "/quick-buy",
                """
                {"purchaseId":"%s","amountUsdCents":%s}"""
                        .formatted(purchaseId, cents));
    }
}
