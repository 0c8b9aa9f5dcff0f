package io.ledgerline.portal.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.portal.support.PortalTestBase;

import org.junit.jupiter.api.Test;

/**
 * Detailed Usage (R1): a customer's billed uses from billing summed per day and kind for a period,
 * as JSON and as CSV; another tenant's uses never appear, a partner has no such page, and a
 * malformed period is refused before billing hears of it.
 */
class DetailedUsageTest extends PortalTestBase {

    private static final String PERIOD = "from=2026-11-30T00:00:00Z&to=2026-12-02T00:00:00Z";

    @Test
    void R1_usage_is_summed_per_day_and_kind_within_the_period() {
        var bistro = signedIn("bistro@demo.ledgerline");

        var usage = bistro.get("/api/portal/usage?" + PERIOD);

        assertThat(usage.status()).isEqualTo(200);
        var days = usage.body().path("days");
        assertThat(days).hasSize(2);
        assertThat(days.get(0).path("day").asText()).isEqualTo("2026-11-30");
        assertThat(days.get(1).path("kind").asText()).isEqualTo("GATEWAY");
        assertThat(days.get(1).path("uses").asLong()).isEqualTo(2);
        assertThat(days.get(1).path("creditsUcr").asLong()).isEqualTo(300_000L);
        assertThat(usage.body().path("totalUcr").asLong()).isEqualTo(2_800_000L);
        assertThat(usage.body().toString()).doesNotContain("harbor");
    }

    @Test
    void R1_the_csv_export_has_one_line_per_day_and_kind() {
        var bistro = signedIn("bistro@demo.ledgerline");

        var csv = bistro.getText("/api/portal/usage/export?" + PERIOD);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().split("\n"))
                .containsExactly(
                        "day,kind,uses,tokens_in,tokens_out,call_seconds,credits",
                        "2026-11-30,AGENT_CALL,1,0,0,125,2.500000",
                        "2026-12-01,GATEWAY,2,300,150,0,0.300000");
    }

    @Test
    void a_partner_has_no_detailed_usage_and_a_bad_period_is_refused() {
        var acme = signedIn("acme@demo.ledgerline");
        var bistro = signedIn("bistro@demo.ledgerline");

        assertThat(acme.get("/api/portal/usage?" + PERIOD).code()).isEqualTo("CUSTOMER_ONLY");
        assertThat(
                        bistro.get(
                                        "/api/portal/usage?from=2026-12-02T00:00:00Z&to=2026-11-01T00:00:00Z")
                                .code())
                .isEqualTo("INVALID_PARAMETER");
        assertThat(bistro.get("/api/portal/usage?from=x&to=y").code())
                .isEqualTo("INVALID_PARAMETER");
        assertThat(BILLING.received()).isEmpty();
    }
}
