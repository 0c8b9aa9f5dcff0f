package io.ledgerline.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.portal.support.PortalBrowser.Reply;
import io.ledgerline.portal.support.PortalTestBase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

class TenantIsolationTest extends PortalTestBase {

    @Test
    void customer_reads_its_own_balance_and_history() {
        var bistro = signedIn("bistro@demo.ledgerline");

        var account = bistro.get("/api/portal/accounts/customer:bistro");
        var history = bistro.get("/api/portal/accounts/customer:bistro/history?page=0&size=20");

        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body().path("balanceUcr").asLong()).isEqualTo(723_750_000L);
        assertThat(account.body().path("displayName").asText()).isEqualTo("Bistro");
        assertThat(history.body().path("rows").get(0).path("type").asText()).isEqualTo("Added");
    }

    @ParameterizedTest(name = "{0} reading {1} -> 403")
    @CsvSource({
        "bistro@demo.ledgerline,     /api/portal/accounts/customer:cornershop",
        "bistro@demo.ledgerline,     /api/portal/accounts/customer:cornershop/history",
        "bistro@demo.ledgerline,     /api/portal/accounts/partner:acme",
        "bistro@demo.ledgerline,     /api/portal/accounts/customer:harbor",
        "cornershop@demo.ledgerline, /api/portal/accounts/customer:bistro/history",
        "acme@demo.ledgerline,       /api/portal/accounts/customer:harbor",
        "acme@demo.ledgerline,       /api/portal/accounts/customer:harbor/history",
        "acme@demo.ledgerline,       /api/portal/accounts/partner:globex",
        "acme@demo.ledgerline,       /api/portal/accounts/customer:nobody",
        "globex@test.ledgerline,     /api/portal/accounts/customer:bistro",
    })
    void a_tenant_cannot_read_another_tenants_account(String email, String path) {
        assertForbidden(signedIn(email).get(path), "TENANT_FORBIDDEN");
    }

    @Test
    void partner_reads_its_own_account_and_its_customers() {
        var acme = signedIn("acme@demo.ledgerline");

        assertThat(acme.get("/api/portal/accounts/partner:acme").body().path("balanceUcr").asLong())
                .isEqualTo(50_000_000_000L);
        assertThat(acme.get("/api/portal/accounts/customer:cornershop").status()).isEqualTo(200);
        var customers = acme.get("/api/portal/partner/customers").body();
        assertThat(customers.findValuesAsText("accountId"))
                .containsExactly("customer:bistro", "customer:cornershop");
    }

    @Test
    void partner_is_refused_a_customer_the_ledger_says_belongs_to_another_partner() {
        var acme = signedIn("acme@demo.ledgerline");

        assertForbidden(acme.get("/api/portal/accounts/customer:drifted"), "TENANT_FORBIDDEN");
        assertForbidden(
                acme.post(
                        "/api/portal/partner/customers/customer:drifted/credits",
                        Map.of("commandId", "double-click-1", "amountUcr", 1_000_000, "note", "x")),
                "TENANT_FORBIDDEN");
    }

    @Test
    void partner_cannot_add_or_deduct_credits_for_another_partners_customer() {
        var acme = signedIn("acme@demo.ledgerline");
        var body = Map.of("commandId", "form-submit-1", "amountUcr", 1_000_000, "note", "gift");

        assertForbidden(
                acme.post("/api/portal/partner/customers/customer:harbor/credits", body),
                "TENANT_FORBIDDEN");
        assertForbidden(
                acme.post("/api/portal/partner/customers/customer:harbor/deductions", body),
                "TENANT_FORBIDDEN");
        assertThat(DOWNSTREAM.received()).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void customer_cannot_use_the_partner_api_not_even_on_itself() {
        var bistro = signedIn("bistro@demo.ledgerline");

        assertForbidden(bistro.get("/api/portal/partner/customers"), "PARTNER_ONLY");
        assertForbidden(
                bistro.post(
                        "/api/portal/partner/customers/customer:bistro/credits",
                        Map.of(
                                "commandId",
                                "form-submit-2",
                                "amountUcr",
                                1_000_000,
                                "note",
                                "free")),
                "PARTNER_ONLY");
        assertThat(DOWNSTREAM.received()).noneMatch(r -> r.method().equals("POST"));
    }

    private static void assertForbidden(Reply reply, String code) {
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo(code);
    }
}
