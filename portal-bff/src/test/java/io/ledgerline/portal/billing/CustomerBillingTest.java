package io.ledgerline.portal.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.portal.support.FakeBilling;
import io.ledgerline.portal.support.PortalBrowser;
import io.ledgerline.portal.support.PortalTestBase;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

/**
 * A customer's Billing & Payments (R16, R17) through the portal: the plans its partner left
 * visible, a purchase with a test card that raises the AI Credits balance, a declined card that
 * leaves the invoice open to pay with another method, subscriptions, payment methods; each write
 * carries the portal's service token and the person, and lands in the audit log (R20).
 */
class CustomerBillingTest extends PortalTestBase {

    private static final String BILLING_API = "/api/portal/billing";

    private static Map<String, Object> card(String number) {
        return Map.of("number", number, "expMonth", 12, "expYear", 2031);
    }

    private static String commandId() {
        return "buy-" + UUID.randomUUID().toString().substring(0, 12);
    }

    @Test
    void R16_a_customer_sees_only_the_active_plans_left_visible_to_it() {
        var bistro = signedIn("bistro@demo.ledgerline");

        var plans = bistro.get(BILLING_API + "/credit-plans");

        assertThat(plans.status()).isEqualTo(200);
        assertThat(plans.body().findValuesAsText("planId"))
                .containsExactly("plan-starter", "plan-monthly");
        var hidden =
                bistro.post(
                        BILLING_API + "/purchases",
                        Map.of("commandId", commandId(), "planId", "plan-hidden"));
        assertThat(hidden.status()).isEqualTo(422);
        assertThat(hidden.code()).isEqualTo("PLAN_NOT_AVAILABLE");
    }

    @Test
    void R16_buying_a_plan_with_a_test_card_adds_its_credits_to_the_ai_credits_tab() {
        var bistro = signedIn("bistro@demo.ledgerline");
        var added = bistro.post(BILLING_API + "/payment-methods", card("4242 4242 4242 4242"));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().path("last4").asText()).isEqualTo("4242");
        var before = bistro.get(BILLING_API + "/ai-credits").body().path("balanceUcr").asLong();

        var bought =
                bistro.post(
                        BILLING_API + "/purchases",
                        Map.of("commandId", "buy-starter-0001", "planId", "plan-starter"));

        assertThat(bought.status()).isEqualTo(202);
        assertThat(bought.body().path("purchaseId").asText())
                .isEqualTo("portal-customer-bistro-buy-starter-0001");
        var tab = bistro.get(BILLING_API + "/ai-credits").body();
        assertThat(tab.path("balanceUcr").asLong()).isEqualTo(before + 100_000_000L);
        assertThat(tab.path("recentTransactions").get(0).path("amountUcr").asLong())
                .isEqualTo(100_000_000L);
        var invoices = bistro.get(BILLING_API + "/invoices").body();
        assertThat(invoices.get(0).path("status").asText()).isEqualTo("PAID");
        var writes = BILLING.received().stream().filter(r -> !r.method().equals("GET")).toList();
        assertThat(writes)
                .isNotEmpty()
                .allSatisfy(
                        write -> {
                            assertThat(write.caller()).isEqualTo("portal");
                            assertThat(write.actor())
                                    .isEqualTo("user:bistro@demo.ledgerline@customer:bistro");
                        });
        assertThat(audited("customer:bistro", "CREDIT_PLAN_BOUGHT")).isEqualTo("OK");
        assertThat(audited("customer:bistro", "PAYMENT_METHOD_ADDED")).isEqualTo("OK");
        assertThat(auditText("customer:bistro")).doesNotContain("4242 4242 4242 4242");
    }

    @Test
    void R17_a_declined_card_leaves_the_invoice_open_to_pay_with_another_method() {
        var bistro = signedIn("bistro@demo.ledgerline");
        bistro.post(BILLING_API + "/payment-methods", card(FakeBilling.DECLINED_CARD));
        var good = bistro.post(BILLING_API + "/payment-methods", card("4242424242424242"));

        var declined =
                bistro.post(
                        BILLING_API + "/purchases",
                        Map.of("commandId", commandId(), "planId", "plan-starter"));

        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.code()).isEqualTo("CARD_DECLINED");
        assertThat(audited("customer:bistro", "CREDIT_PLAN_BOUGHT")).isEqualTo("CARD_DECLINED");
        var open = bistro.get(BILLING_API + "/invoices").body().get(0);
        assertThat(open.path("status").asText()).isEqualTo("OPEN");
        var paid =
                bistro.post(
                        BILLING_API + "/invoices/" + open.path("invoiceId").asText() + "/pay",
                        Map.of("paymentMethodId", good.body().path("methodId").asText()));
        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.body().path("status").asText()).isEqualTo("PAID");
        assertThat(audited("customer:bistro", "INVOICE_PAYMENT_REQUESTED")).isEqualTo("OK");
    }

    @Test
    void R17_the_hosted_invoice_page_and_pdf_are_served_through_the_portal() {
        var bistro = signedIn("bistro@demo.ledgerline");
        bistro.post(BILLING_API + "/payment-methods", card("4242424242424242"));
        bistro.post(
                BILLING_API + "/purchases",
                Map.of("commandId", commandId(), "planId", "plan-starter"));
        var invoice = bistro.get(BILLING_API + "/invoices").body().get(0);
        var id = invoice.path("invoiceId").asText();

        var page = bistro.getText(BILLING_API + "/invoices/" + id + "/page");
        var pdf = bistro.getText(BILLING_API + "/invoices/" + id + "/pdf");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Invoice " + invoice.path("number").asText());
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");
    }

    @Test
    void R17_subscribe_to_a_monthly_plan_and_cancel_it_at_period_end() {
        var bistro = signedIn("bistro@demo.ledgerline");
        bistro.post(BILLING_API + "/payment-methods", card("4242424242424242"));
        var oneOff =
                bistro.post(
                        BILLING_API + "/subscriptions",
                        Map.of("commandId", commandId(), "planId", "plan-starter"));
        assertThat(oneOff.code()).isEqualTo("PLAN_NOT_RECURRING");

        var subscribed =
                bistro.post(
                        BILLING_API + "/subscriptions",
                        Map.of("commandId", "monthly-0001", "planId", "plan-monthly"));

        assertThat(subscribed.status()).isEqualTo(202);
        var id = subscribed.body().path("subscriptionId").asText();
        assertThat(subscribed.body().path("nextBillingAt").isNull()).isFalse();
        assertThat(
                        bistro.get(BILLING_API + "/ai-credits")
                                .body()
                                .path("monthlyAllocationUcr")
                                .asLong())
                .isEqualTo(500_000_000L);
        var canceled = bistro.post(BILLING_API + "/subscriptions/" + id + "/cancel", Map.of());
        assertThat(canceled.status()).isEqualTo(200);
        assertThat(canceled.body().path("cancelAtPeriodEnd").asBoolean()).isTrue();
        assertThat(canceled.body().path("nextBillingAt").isNull()).isTrue();
        assertThat(audited("customer:bistro", "SUBSCRIPTION_CANCELED")).isEqualTo("OK");
    }

    @Test
    void R17_payment_methods_are_added_made_default_and_deleted() {
        var bistro = signedIn("bistro@demo.ledgerline");
        var first = bistro.post(BILLING_API + "/payment-methods", card("4242424242424242"));
        var second = bistro.post(BILLING_API + "/payment-methods", card("5555555555554444"));
        var secondId = second.body().path("methodId").asText();

        var made = bistro.post(BILLING_API + "/payment-methods/" + secondId + "/default", Map.of());
        var deleted =
                bistro.delete(
                        BILLING_API + "/payment-methods/" + first.body().path("methodId").asText());

        assertThat(made.status()).isEqualTo(200);
        assertThat(made.body().path("isDefault").asBoolean()).isTrue();
        assertThat(deleted.status()).isEqualTo(204);
        var left = bistro.get(BILLING_API + "/payment-methods").body();
        assertThat(left.findValuesAsText("methodId")).containsExactly(secondId);
        assertThat(bistro.delete(BILLING_API + "/payment-methods/pm-nope").code())
                .isEqualTo("PAYMENT_METHOD_NOT_FOUND");
    }

    @Test
    void R7_a_member_without_the_billing_permission_neither_reads_nor_pays() {
        addMember("customer:bistro", "member@bistro.test", "MEMBER");
        var member = signedIn("member@bistro.test");

        var read = member.get(BILLING_API + "/invoices");
        var add = member.post(BILLING_API + "/payment-methods", card("4242424242424242"));

        assertThat(read.status()).isEqualTo(403);
        assertThat(read.code()).isEqualTo("PERMISSION_REQUIRED");
        assertThat(add.code()).isEqualTo("PERMISSION_REQUIRED");
        assertThat(BILLING.received()).isEmpty();
    }

    @Test
    void R7_a_billing_role_may_pay() {
        addMember("customer:bistro", "payer@bistro.test", "BILLING");
        var payer = signedIn("payer@bistro.test");

        var add = payer.post(BILLING_API + "/payment-methods", card("4242424242424242"));

        assertThat(add.status()).isEqualTo(201);
    }

    @Test
    void signed_out_or_without_the_csrf_token_nothing_reaches_billing() {
        var anonymous = new PortalBrowser(port);
        assertThat(anonymous.get(BILLING_API + "/invoices").status()).isEqualTo(401);
        var noToken = signedIn("bistro@demo.ledgerline").withoutCsrfToken();

        var add = noToken.post(BILLING_API + "/payment-methods", card("4242424242424242"));

        assertThat(add.status()).isEqualTo(403);
        assertThat(BILLING.received()).isEmpty();
    }

    @Test
    void a_partner_has_no_ai_credits_tab_and_a_customer_no_quick_buy() {
        var acme = signedIn("acme@demo.ledgerline");
        var bistro = signedIn("bistro@demo.ledgerline");

        assertThat(acme.get(BILLING_API + "/ai-credits").code()).isEqualTo("CUSTOMER_ONLY");
        assertThat(
                        bistro.post(
                                        BILLING_API + "/quick-buy",
                                        Map.of("commandId", commandId(), "amountUsdCents", 500))
                                .code())
                .isEqualTo("PARTNER_ONLY");
        assertThat(BILLING.received()).isEmpty();
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

    private String auditText(String tenant) {
        return String.join(
                "\n",
                jdbc.sql(
                                "SELECT coalesce(after::text, '') FROM portal.audit_record WHERE tenant = ?")
                        .param(tenant)
                        .query(String.class)
                        .list());
    }
}
