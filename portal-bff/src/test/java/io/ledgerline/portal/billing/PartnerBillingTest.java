package io.ledgerline.portal.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.portal.support.PortalTestBase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

/**
 * A partner's side of billing (R16): its credit plans (create, archive, per-customer visibility),
 * Quick Buy of platform credits through billing's provider, and a customer's billing in the Manage
 * panel; and hostile plan and Quick Buy bodies refused before billing hears of them.
 */
class PartnerBillingTest extends PortalTestBase {

    private static final String PLANS = "/api/portal/partner/credit-plans";

    @Test
    void R16_a_partner_creates_a_monthly_plan_and_archives_it() {
        var acme = signedIn("acme@demo.ledgerline");

        var created =
                acme.post(
                        PLANS,
                        Map.of(
                                "name",
                                "100 minutes — 60",
                                "priceUsdCents",
                                6000,
                                "aiCreditsUcr",
                                100_000_000,
                                "interval",
                                "MONTH"));

        assertThat(created.status()).isEqualTo(201);
        var planId = created.body().path("planId").asText();
        assertThat(created.body().path("interval").asText()).isEqualTo("MONTH");
        assertThat(acme.get(PLANS).body().findValuesAsText("planId")).contains(planId);
        var archived = acme.post(PLANS + "/" + planId + "/archive", Map.of());
        assertThat(archived.body().path("status").asText()).isEqualTo("ARCHIVED");
        assertThat(audited("partner:acme", "CREDIT_PLAN_CREATED")).isEqualTo("OK");
        assertThat(audited("partner:acme", "CREDIT_PLAN_ARCHIVED")).isEqualTo("OK");
        var writes = BILLING.received().stream().filter(r -> !r.method().equals("GET")).toList();
        assertThat(writes).hasSize(2).allMatch(r -> r.path().startsWith("/api/v1/partners/acme/"));
    }

    @Test
    void R16_a_partner_restricts_which_plans_a_customer_sees() {
        var acme = signedIn("acme@demo.ledgerline");
        var bistro = signedIn("bistro@demo.ledgerline");
        var path = "/api/portal/partner/customers/customer:bistro/credit-plan-visibility";

        var restricted = acme.put(path, Map.of("planIds", java.util.List.of("plan-hidden")));

        assertThat(restricted.status()).isEqualTo(200);
        assertThat(bistro.get("/api/portal/billing/credit-plans").body().findValuesAsText("planId"))
                .containsExactly("plan-hidden");
        var lifted = new HashMap<String, Object>();
        lifted.put("planIds", null);
        acme.put(path, lifted);
        assertThat(bistro.get("/api/portal/billing/credit-plans").body().findValuesAsText("planId"))
                .containsExactly("plan-starter", "plan-monthly", "plan-hidden");
        BILLING.forget();
        var foreign = acme.put(path, Map.of("planIds", java.util.List.of("plan-globex")));
        assertThat(foreign.code()).isEqualTo("PLAN_NOT_FOUND");
        assertThat(BILLING.received()).allMatch(r -> r.method().equals("GET"));
    }

    @Test
    void R16_quick_buy_adds_100_platform_credits_per_dollar() {
        var acme = signedIn("acme@demo.ledgerline");
        acme.post(
                "/api/portal/billing/payment-methods",
                Map.of("number", "4242424242424242", "expMonth", 1, "expYear", 2032));

        var bought =
                acme.post(
                        "/api/portal/billing/quick-buy",
                        Map.of("commandId", "quick-0001", "amountUsdCents", 500));

        assertThat(bought.status()).isEqualTo(202);
        assertThat(bought.body().path("creditsUcr").asLong()).isEqualTo(500_000_000L);
        assertThat(bought.body().path("status").asText()).isEqualTo("CREDITED");
        assertThat(acme.get("/api/portal/billing/purchases").body().findValuesAsText("purchaseId"))
                .containsExactly("portal-partner-acme-quick-0001");
        assertThat(audited("partner:acme", "PLATFORM_CREDITS_BOUGHT")).isEqualTo("OK");
    }

    @Test
    void the_manage_panel_shows_a_customers_billing_to_its_partner_only() {
        var acme = signedIn("acme@demo.ledgerline");
        var globex = signedIn("globex@test.ledgerline");

        var own = acme.get("/api/portal/partner/customers/customer:bistro/billing");
        var other = acme.get("/api/portal/partner/customers/customer:harbor/billing");
        var reverse = globex.get("/api/portal/partner/customers/customer:bistro/billing");

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().path("accountId").asText()).isEqualTo("customer:bistro");
        assertThat(other.code()).isEqualTo("TENANT_FORBIDDEN");
        assertThat(reverse.code()).isEqualTo("TENANT_FORBIDDEN");
        assertThat(BILLING.received()).noneMatch(r -> r.path().contains("harbor"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"name\":\"P\",\"priceUsdCents\":-1,\"aiCreditsUcr\":1}|INVALID_PRICE",
                "{\"name\":\"P\",\"priceUsdCents\":0,\"aiCreditsUcr\":1}|INVALID_PRICE",
                "{\"name\":\"P\",\"priceUsdCents\":100000001,\"aiCreditsUcr\":1}|INVALID_PRICE",
                "{\"name\":\"P\",\"priceUsdCents\":99999999999999999999999,\"aiCreditsUcr\":1}"
                        + "|MALFORMED_JSON",
                "{\"name\":\"P\",\"priceUsdCents\":\"5\",\"aiCreditsUcr\":1}|MALFORMED_JSON",
                "{\"name\":\"P\",\"priceUsdCents\":5.5,\"aiCreditsUcr\":1}|MALFORMED_JSON",
                "{\"name\":\"P\",\"priceUsdCents\":5,\"aiCreditsUcr\":0}|OUT_OF_RANGE",
                "{\"name\":\"P\",\"priceUsdCents\":5,\"aiCreditsUcr\":1000000000000001}"
                        + "|OUT_OF_RANGE",
                "{\"name\":\"P\\u0000\",\"priceUsdCents\":5,\"aiCreditsUcr\":1}|INVALID_TEXT",
                "{\"name\":\" \",\"priceUsdCents\":5,\"aiCreditsUcr\":1}|INVALID_TEXT",
                "{\"priceUsdCents\":5,\"aiCreditsUcr\":1}|FIELD_REQUIRED",
                "{\"name\":\"P\",\"priceUsdCents\":5,\"aiCreditsUcr\":1,\"interval\":\"DAY\"}"
                        + "|MALFORMED_JSON",
                "{\"name\":\"P\",\"priceUsdCents\":5,\"aiCreditsUcr\":1,\"partnerId\":\"globex\"}"
                        + "|MALFORMED_JSON",
                "{\"name\":\"P\",\"priceUsdCents\":5,\"aiCreditsUcr\":1}{}|MALFORMED_JSON",
            })
    void hostile_plan_bodies_are_refused_before_billing(String body, String code) {
        var acme = signedIn("acme@demo.ledgerline");

        var reply = acme.postRaw(PLANS, "application/json", body);

        assertThat(reply.status()).as(reply.body().toString()).isBetween(400, 499);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(BILLING.received()).allMatch(r -> r.method().equals("GET"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/portal/billing/quick-buy|{\"commandId\":\"quick-0002\",\"amountUsdCents\":99}"
                        + "|INVALID_PRICE",
                "/api/portal/billing/quick-buy|{\"commandId\":\"quick-0002\","
                        + "\"amountUsdCents\":1000001}|INVALID_PRICE",
                "/api/portal/billing/quick-buy|{\"commandId\":\"x\",\"amountUsdCents\":500}"
                        + "|INVALID_ID",
                "/api/portal/billing/quick-buy|{\"commandId\":\"quick-0002\",\"amountUsdCents\":500,"
                        + "\"paymentMethodId\":\"../x\"}|INVALID_ID",
                "/api/portal/billing/invoices/inv%00x/pay|{}|MALFORMED_REQUEST",
                "/api/portal/billing/invoices/inv%20x/pay|{}|INVALID_ID",
                "/api/portal/billing/invoices/inv-1/pay|{\"paymentMethodId\":7}|MALFORMED_JSON",
                "/api/portal/billing/invoices/inv-1/pay|{}[]|MALFORMED_JSON",
                "/api/portal/billing/payment-methods|{\"number\":\"4242\\u00004242424242424\","
                        + "\"expMonth\":1,\"expYear\":2030}|INVALID_TEXT",
                "/api/portal/billing/payment-methods|{\"number\":\"42424242424242424242424242\","
                        + "\"expMonth\":1,\"expYear\":2030}|INVALID_CARD",
                "/api/portal/billing/payment-methods|{\"number\":\"4242424242424242\","
                        + "\"expMonth\":\"1\",\"expYear\":2030}|MALFORMED_JSON",
                "/api/portal/billing/payment-methods|{\"number\":\"4242424242424242\","
                        + "\"expMonth\":1}|FIELD_REQUIRED",
            })
    void hostile_payment_bodies_are_refused_before_billing(String path, String body, String code) {
        var acme = signedIn("acme@demo.ledgerline");

        var reply = acme.postRaw(path, "application/json", body);

        assertThat(reply.status()).as(reply.body().toString()).isBetween(400, 499);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(BILLING.received()).allMatch(r -> r.method().equals("GET"));
    }

    private String audited(String tenant, String action) {
        return jdbc.sql(
                        "SELECT outcome FROM portal.audit_record WHERE tenant = ? AND action = ?"
                                + " ORDER BY seq DESC LIMIT 1")
                .param(tenant)
                .param(action)
                .query(String.class)
                .optional()
                .orElse("none");
    }
}
