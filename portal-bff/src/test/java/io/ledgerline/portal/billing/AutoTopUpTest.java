package io.ledgerline.portal.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.portal.support.PortalTestBase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Auto top-up of a customer's AI credits in the portal (R21): its partner sets and switches it off
 * from the Manage panel, the customer from its AI Credits tab; a stopped one shows why and its last
 * charge; every change audited with before and after, only with the billing permission (R7), and
 * hostile settings refused before billing hears of them.
 */
class AutoTopUpTest extends PortalTestBase {

    private static final String BISTRO =
            "/api/portal/partner/customers/customer:bistro/auto-top-up";
    private static final String OWN = "/api/portal/billing/auto-top-up";

    @Test
    void R21_a_partner_sets_its_customers_auto_top_up_and_switches_it_off() {
        var acme = signedIn("acme@demo.ledgerline");
        assertThat(acme.get(BISTRO).body().path("status").asText()).isEqualTo("OFF");

        var set = acme.put(BISTRO, Map.of("thresholdUcr", 50_000_000L, "planId", "plan-starter"));

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().path("status").asText()).isEqualTo("ARMED");
        var read = acme.get(BISTRO).body();
        assertThat(read.path("thresholdUcr").asLong()).isEqualTo(50_000_000L);
        assertThat(read.path("planId").asText()).isEqualTo("plan-starter");
        assertThat(audit("AUTO_TOP_UP_SET"))
                .containsEntry("outcome", "OK")
                .containsEntry("target", "customer:bistro")
                .containsEntry("before", null);
        assertThat(audit("AUTO_TOP_UP_SET").get("after"))
                .contains("\"planId\": \"plan-starter\"", "\"thresholdUcr\": 50000000");
        assertThat(BILLING.received())
                .anyMatch(
                        r ->
                                r.method().equals("PUT")
                                        && r.path()
                                                .equals(
                                                        "/api/v1/accounts/customer:bistro/auto-top-up")
                                        && "user:acme@demo.ledgerline@partner:acme"
                                                .equals(r.actor()));

        var off = acme.delete(BISTRO);

        assertThat(off.status()).isEqualTo(204);
        assertThat(BILLING.hasAutoTopUp("customer:bistro")).isFalse();
        assertThat(acme.get(BISTRO).body().path("status").asText()).isEqualTo("OFF");
        assertThat(audit("AUTO_TOP_UP_SWITCHED_OFF")).containsEntry("outcome", "OK");
        assertThat(audit("AUTO_TOP_UP_SWITCHED_OFF").get("before")).contains("plan-starter");
    }

    @Test
    void R21_a_stopped_auto_top_up_shows_its_reason_and_last_charge_until_saved_again() {
        var acme = signedIn("acme@demo.ledgerline");
        acme.put(BISTRO, Map.of("thresholdUcr", 50_000_000L, "planId", "plan-starter"));
        BILLING.stopAutoTopUp("customer:bistro", "CARD_DECLINED");

        var stopped = acme.get(BISTRO).body();

        assertThat(stopped.path("status").asText()).isEqualTo("FAILED");
        assertThat(stopped.path("failureCode").asText()).isEqualTo("CARD_DECLINED");
        assertThat(stopped.path("lastCharge").path("status").asText()).isEqualTo("DECLINED");
        assertThat(stopped.path("lastCharge").path("planId").asText()).isEqualTo("plan-starter");
        var saved = acme.put(BISTRO, Map.of("thresholdUcr", 50_000_000L, "planId", "plan-monthly"));
        assertThat(saved.body().path("status").asText()).isEqualTo("ARMED");
        assertThat(audit("AUTO_TOP_UP_SET").get("before")).contains("plan-starter");
    }

    @Test
    void R21_a_customer_sets_its_own_auto_top_up_which_its_partner_sees() {
        var bistro = signedIn("bistro@demo.ledgerline");

        var set = bistro.put(OWN, Map.of("thresholdUcr", 1_500_000L, "planId", "plan-monthly"));

        assertThat(set.status()).isEqualTo(200);
        assertThat(bistro.get(OWN).body().path("thresholdUcr").asLong()).isEqualTo(1_500_000L);
        var seen = signedIn("acme@demo.ledgerline").get(BISTRO).body();
        assertThat(seen.path("planId").asText()).isEqualTo("plan-monthly");
        assertThat(bistro.delete(OWN).status()).isEqualTo(204);
        assertThat(BILLING.hasAutoTopUp("customer:bistro")).isFalse();
        var partner = signedIn("acme@demo.ledgerline").get(OWN);
        assertThat(partner.code()).isEqualTo("CUSTOMER_ONLY");
    }

    @Test
    void R7_a_member_without_the_billing_permission_neither_reads_nor_sets_it() {
        addMember("partner:acme", "topup-member@acme.test", "MEMBER");
        addMember("customer:bistro", "topup-member@bistro.test", "MEMBER");
        var partnerMember = signedIn("topup-member@acme.test");
        var customerMember = signedIn("topup-member@bistro.test");
        BILLING.forget();

        var replies =
                List.of(
                        partnerMember.get(BISTRO),
                        partnerMember.put(
                                BISTRO,
                                Map.of("thresholdUcr", 1_000_000L, "planId", "plan-starter")),
                        partnerMember.delete(BISTRO),
                        customerMember.get(OWN),
                        customerMember.put(
                                OWN, Map.of("thresholdUcr", 1_000_000L, "planId", "plan-starter")),
                        customerMember.delete(OWN));

        assertThat(replies)
                .allMatch(r -> r.status() == 403 && "PERMISSION_REQUIRED".equals(r.code()));
        assertThat(BILLING.received()).isEmpty();
    }

    @Test
    void R21_another_partners_customer_and_a_request_without_the_csrf_token_reach_nothing() {
        var acme = signedIn("acme@demo.ledgerline");
        var harbor = "/api/portal/partner/customers/customer:harbor/auto-top-up";
        var noToken = signedIn("acme@demo.ledgerline").withoutCsrfToken();
        BILLING.forget();

        var foreign = acme.put(harbor, Map.of("thresholdUcr", 1_000_000L, "planId", "plan-globex"));
        var foreignOff = acme.delete(harbor);
        var forged =
                noToken.put(BISTRO, Map.of("thresholdUcr", 1_000_000L, "planId", "plan-starter"));

        assertThat(foreign.code()).isEqualTo("TENANT_FORBIDDEN");
        assertThat(foreignOff.code()).isEqualTo("TENANT_FORBIDDEN");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(BILLING.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"thresholdUcr\":-1000000,\"planId\":\"plan-starter\"}|OUT_OF_RANGE",
                "{\"thresholdUcr\":0,\"planId\":\"plan-starter\"}|OUT_OF_RANGE",
                "{\"thresholdUcr\":1000000000000001,\"planId\":\"plan-starter\"}|OUT_OF_RANGE",
                "{\"thresholdUcr\":99999999999999999999999,\"planId\":\"plan-starter\"}"
                        + "|MALFORMED_JSON",
                "{\"thresholdUcr\":1.5,\"planId\":\"plan-starter\"}|MALFORMED_JSON",
                "{\"thresholdUcr\":\"1000000\",\"planId\":\"plan-starter\"}|MALFORMED_JSON",
                "{\"planId\":\"plan-starter\"}|FIELD_REQUIRED",
                "{\"thresholdUcr\":1000000}|FIELD_REQUIRED",
                "{\"thresholdUcr\":1000000,\"planId\":\"plan\\u0000starter\"}|INVALID_TEXT",
                "{\"thresholdUcr\":1000000,\"planId\":\"../plan-starter\"}|INVALID_ID",
                "{\"thresholdUcr\":1000000,\"planId\":\"plan-globex\"}|PLAN_NOT_AVAILABLE",
                "{\"thresholdUcr\":1000000,\"planId\":\"plan-hidden\"}|PLAN_NOT_AVAILABLE",
                "{\"thresholdUcr\":1000000,\"planId\":\"plan-old\"}|PLAN_NOT_AVAILABLE",
                "{\"thresholdUcr\":1000000,\"planId\":\"plan-starter\"}{}|MALFORMED_JSON",
                "{\"thresholdUcr\":1000000,\"planId\":\"plan-starter\",\"customerId\":\"harbor\"}"
                        + "|MALFORMED_JSON",
            })
    void hostile_auto_top_up_settings_are_refused_before_billing(String body, String code) {
        var partner = signedIn("acme@demo.ledgerline");
        var customer = signedIn("bistro@demo.ledgerline");
        BILLING.forget();

        var replies = List.of(partner.putRaw(BISTRO, body), customer.putRaw(OWN, body));

        for (var reply : replies) {
            assertThat(reply.status()).as(reply.body().toString()).isBetween(400, 499);
            assertThat(reply.code()).isEqualTo(code);
        }
        assertThat(BILLING.received()).allMatch(r -> r.method().equals("GET"));
        assertThat(BILLING.hasAutoTopUp("customer:bistro")).isFalse();
    }

    private Map<String, String> audit(String action) {
        return jdbc.sql(
                        "SELECT outcome, target, before::text AS before, after::text AS after"
                                + " FROM portal.audit_record WHERE tenant = ? AND action = ?"
                                + " ORDER BY seq DESC LIMIT 1")
                .param("partner:acme")
                .param(action)
                .query(
                        (rs, n) -> {
                            var row = new HashMap<String, String>();
                            row.put("outcome", rs.getString("outcome"));
                            row.put("target", rs.getString("target"));
                            row.put("before", rs.getString("before"));
                            row.put("after", rs.getString("after"));
                            return (Map<String, String>) row;
                        })
                .single();
    }
}
