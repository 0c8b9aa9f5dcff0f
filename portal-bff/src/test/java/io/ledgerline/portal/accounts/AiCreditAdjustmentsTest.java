package io.ledgerline.portal.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.portal.support.PortalTestBase;

import org.junit.jupiter.api.Test;

import java.util.Map;

class AiCreditAdjustmentsTest extends PortalTestBase {

    @Test
    void R13_a_double_submitted_add_form_reaches_the_ledger_as_one_command_id() {
        var acme = signedIn("acme@demo.ledgerline");
        var form =
                Map.of(
                        "commandId",
                        "form-7f3a9c21",
                        "amountUcr",
                        10_000_000,
                        "note",
                        "Monthly package");

        var first = acme.post("/api/portal/partner/customers/customer:bistro/credits", form);
        var second = acme.post("/api/portal/partner/customers/customer:bistro/credits", form);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("balanceUcr").asLong()).isEqualTo(510_000_000L);
        assertThat(second.body().path("commandId").asText())
                .isEqualTo(first.body().path("commandId").asText())
                .isEqualTo("portal-partner-acme-form-7f3a9c21");
        var sent = DOWNSTREAM.received().stream().filter(r -> r.method().equals("POST")).toList();
        assertThat(sent)
                .hasSize(2)
                .allSatisfy(
                        r -> {
                            assertThat(r.path())
                                    .isEqualTo("/api/v1/accounts/customer:bistro/credits");
                            assertThat(r.body().path("note").asText()).isEqualTo("Monthly package");
                            assertThat(r.body().path("amountUcr").asLong()).isEqualTo(10_000_000L);
                        });
    }

    @Test
    void R13_deduct_sends_the_reason_to_the_ledger() {
        var acme = signedIn("acme@demo.ledgerline");

        var reply =
                acme.post(
                        "/api/portal/partner/customers/customer:bistro/deductions",
                        Map.of(
                                "commandId",
                                "deduct-form-1",
                                "amountUcr",
                                25_000_000,
                                "note",
                                "Refund for failed calls"));

        assertThat(reply.status()).isEqualTo(200);
        var sent =
                DOWNSTREAM.received().stream()
                        .filter(r -> r.method().equals("POST"))
                        .findFirst()
                        .orElseThrow();
        assertThat(sent.path()).isEqualTo("/api/v1/accounts/customer:bistro/deductions");
        assertThat(sent.body().path("reason").asText()).isEqualTo("Refund for failed calls");
    }

    @Test
    void R13_adding_credits_while_ai_credits_are_disabled_passes_the_ledgers_code_through() {
        var reply =
                signedIn("acme@demo.ledgerline")
                        .post(
                                "/api/portal/partner/customers/customer:cornershop/credits",
                                Map.of(
                                        "commandId",
                                        "form-add-cornershop",
                                        "amountUcr",
                                        1_000_000,
                                        "note",
                                        "x"));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo("AI_CREDITS_DISABLED");
    }

    @Test
    void a_non_positive_amount_is_refused_before_the_ledger_is_asked() {
        var reply =
                signedIn("acme@demo.ledgerline")
                        .post(
                                "/api/portal/partner/customers/customer:bistro/credits",
                                Map.of(
                                        "commandId",
                                        "form-add-zero",
                                        "amountUcr",
                                        0,
                                        "note",
                                        "nothing"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("AMOUNT_MUST_BE_POSITIVE");
        assertThat(reply.body().path("field").asText()).isEqualTo("amountUcr");
        assertThat(DOWNSTREAM.received()).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void malformed_requests_are_4xx_problems_with_a_code_and_nothing_reaches_the_ledger() {
        var acme = signedIn("acme@demo.ledgerline");
        var path = "/api/portal/partner/customers/customer:bistro/credits";

        var notJson = acme.postRaw(path, "text/plain", "amountUcr=1");
        var brokenJson = acme.postRaw(path, "application/json", "{\"commandId\":");
        var badPage = acme.get("/api/portal/accounts/customer:bistro/history?page=x");
        var shortId = acme.post(path, Map.of("commandId", "x", "amountUcr", 1, "note", "n"));

        assertThat(notJson.status()).isEqualTo(415);
        assertThat(notJson.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(brokenJson.status()).isEqualTo(400);
        assertThat(brokenJson.code()).isEqualTo("MALFORMED_JSON");
        assertThat(badPage.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(badPage.body().path("field").asText()).isEqualTo("page");
        assertThat(shortId.code()).isEqualTo("INVALID_ID");
        assertThat(shortId.body().path("field").asText()).isEqualTo("commandId");
        assertThat(DOWNSTREAM.received()).noneMatch(r -> r.method().equals("POST"));
    }
}
