package io.ledgerline.portal.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.portal.support.PortalTestBase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conversations (R1): a customer's metered agent sessions from billing, each opening to its cost
 * lines; another customer's session is not found, and a malformed period is refused before billing
 * hears of it.
 */
class ConversationsTest extends PortalTestBase {

    private static final String PERIOD = "from=2026-11-01T00:00:00Z&to=2026-12-02T00:00:00Z";

    @Test
    void R1_a_customer_lists_its_sessions_and_opens_one_to_its_cost_lines() {
        var bistro = signedIn("bistro@demo.ledgerline");

        var page = bistro.get("/api/portal/conversations?" + PERIOD);
        var one = bistro.get("/api/portal/conversations/call-a-0001");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("items").findValuesAsText("callId"))
                .containsExactly("call-a-0001");
        assertThat(one.body().path("durationSeconds").asLong()).isEqualTo(125);
        assertThat(one.body().path("toolCalls").asLong()).isEqualTo(3);
        assertThat(one.body().path("chargeUcr").asLong()).isEqualTo(2_500_000L);
        assertThat(one.body().path("costLines").findValuesAsText("kind"))
                .containsExactly("LLM", "TTS");
        var asked = BILLING.received().get(BILLING.received().size() - 2);
        assertThat(asked.caller()).isEqualTo("portal");
    }

    @Test
    void another_customers_session_is_not_found_and_a_partner_has_no_conversations_page() {
        var bistro = signedIn("bistro@demo.ledgerline");
        var acme = signedIn("acme@demo.ledgerline");

        var foreign = bistro.get("/api/portal/conversations/call-b-0001");
        var partner = acme.get("/api/portal/conversations?" + PERIOD);

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("CALL_NOT_FOUND");
        assertThat(foreign.body().toString()).doesNotContain("harbor");
        assertThat(partner.code()).isEqualTo("CUSTOMER_ONLY");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "from=2026-12-02T00:00:00Z&to=2026-11-01T00:00:00Z|INVALID_PARAMETER",
                "from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z|INVALID_PARAMETER",
                "from=yesterday&to=2026-11-01T00:00:00Z|INVALID_PARAMETER",
                "to=2026-11-01T00:00:00Z|INVALID_PARAMETER",
                "from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&size=201|INVALID_PAGING",
                "from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&page=-1|INVALID_PAGING",
            })
    void a_malformed_period_or_page_is_refused_before_billing(String query, String code) {
        var bistro = signedIn("bistro@demo.ledgerline");

        var reply = bistro.get("/api/portal/conversations?" + query);

        assertThat(reply.status()).isBetween(400, 499);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(BILLING.received()).isEmpty();
    }
}
