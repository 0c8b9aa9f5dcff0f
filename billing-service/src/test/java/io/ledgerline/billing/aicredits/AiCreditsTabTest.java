package io.ledgerline.billing.aicredits;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.billing.support.CommerceTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/** The AI Credits tab's one API (R17). */
class AiCreditsTabTest extends CommerceTestBase {

    @Test
    void R17_the_ai_credits_tab_shows_balance_monthly_allocation_used_this_period_and_history() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var account = "customer:" + customer;
        var planId =
                send(
                                HttpMethod.POST,
                                "/api/v1/partners/" + partner + "/credit-plans",
                                """
                                {"name":"Tab monthly","priceUsdCents":1900,"aiCreditsUcr":%d,"interval":"MONTH"}"""
                                        .formatted(500 * CREDIT))
                        .getBody()
                        .path("planId")
                        .asText();
        card(account, VISA_SUCCEEDS);
        var subscribed =
                send(
                                HttpMethod.POST,
                                "/api/v1/accounts/" + account + "/subscriptions",
                                """
                                {"subscriptionId":"%s","planId":"%s"}"""
                                        .formatted(unique("sub"), planId))
                        .getBody();
        eventually().until(() -> LEDGER.effectiveOn(account).size() == 1);
        var periodStart = Instant.parse(subscribed.path("currentPeriodStart").asText());
        usage(customer, 30 * CREDIT, "POSTED", periodStart.plusSeconds(60));
        usage(customer, 7 * CREDIT, "INSUFFICIENT_CREDITS", periodStart.plusSeconds(120));
        usage(customer, 11 * CREDIT, "POSTED", periodStart.minus(Duration.ofDays(3)));

        var tab = send(HttpMethod.GET, "/api/v1/accounts/" + account + "/ai-credits", null);

        assertThat(tab.getStatusCode().value()).isEqualTo(200);
        var body = tab.getBody();
        assertThat(body.path("balanceUcr").asLong()).isEqualTo(500 * CREDIT);
        assertThat(body.path("monthlyAllocationUcr").asLong()).isEqualTo(500 * CREDIT);
        assertThat(body.path("subscriptionId").asText())
                .isEqualTo(subscribed.path("subscriptionId").asText());
        assertThat(body.path("periodEnd").asText())
                .isEqualTo(subscribed.path("currentPeriodEnd").asText());
        assertThat(body.path("usedThisPeriodUcr").asLong()).isEqualTo(30 * CREDIT);
        assertThat(body.path("recentTransactions")).hasSize(1);
        assertThat(body.path("recentTransactions").get(0).path("amountUcr").asLong())
                .isEqualTo(500 * CREDIT);
        assertThat(body.path("recentTransactions").get(0).path("note").asText())
                .contains("Tab monthly");
    }

    @Test
    void without_a_subscription_the_allocation_is_zero_and_a_partner_account_is_refused() {
        var partner = unique("p");
        var customer = customerOf(partner);

        var tab =
                send(HttpMethod.GET, "/api/v1/accounts/customer:" + customer + "/ai-credits", null);
        var ofPartner =
                send(HttpMethod.GET, "/api/v1/accounts/partner:" + partner + "/ai-credits", null);

        assertThat(tab.getStatusCode().value()).isEqualTo(200);
        assertThat(tab.getBody().path("monthlyAllocationUcr").asLong()).isZero();
        assertThat(tab.getBody().path("subscriptionId").isNull()).isTrue();
        assertThat(tab.getBody().path("recentTransactions")).isEmpty();
        assertThat(ofPartner.getStatusCode().value()).isEqualTo(400);
    }

    private void usage(String customer, long chargeUcr, String outcome, Instant at) {
        var requestId = unique("req");
        jdbc.update(
                "INSERT INTO billing.processed_usage (request_id, event_id) VALUES (?, ?)",
                requestId,
                requestId);
        jdbc.update(
                "INSERT INTO billing.usage_charges (request_id, event_id, source, customer_id,"
                        + " tokens_in, tokens_out, call_seconds, tool_calls, platform_cost_ucr,"
                        + " customer_charge_ucr, status, platform_outcome, customer_outcome,"
                        + " occurred_at) VALUES (?, ?, 'AGENT', ?, 0, 0, 60, 0, 1, ?, 'CHARGED',"
                        + " 'POSTED', ?, ?)",
                requestId,
                requestId,
                customer,
                chargeUcr,
                outcome,
                Timestamp.from(at));
    }
}
