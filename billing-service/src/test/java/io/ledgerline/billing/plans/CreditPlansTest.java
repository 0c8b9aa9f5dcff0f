package io.ledgerline.billing.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.billing.support.CommerceTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** Partners define credit plans; prices are whole, positive USD cents. */
class CreditPlansTest extends CommerceTestBase {

    @Test
    void
            R16_a_partner_lists_its_plans_and_a_customer_without_a_restriction_sees_every_active_one() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var first = plan(partner, "100 minutes", 6000, 100);
        var second = plan(partner, "500 minutes", 25000, 500);
        send(
                HttpMethod.POST,
                "/api/v1/partners/" + partner + "/credit-plans/" + second + "/archive",
                null);

        var ofPartner =
                send(HttpMethod.GET, "/api/v1/partners/" + partner + "/credit-plans", null)
                        .getBody();
        var visible =
                send(HttpMethod.GET, "/api/v1/customers/" + customer + "/credit-plans", null)
                        .getBody();

        assertThat(ofPartner.findValuesAsText("status")).containsExactly("ACTIVE", "ARCHIVED");
        assertThat(ofPartner.get(0).path("priceUsdCents").asLong()).isEqualTo(6000);
        assertThat(visible.findValuesAsText("planId")).containsExactly(first);
    }

    @Test
    void zero_negative_over_precise_and_huge_prices_are_refused_and_no_plan_is_made() {
        var partner = unique("p");

        for (var price : java.util.List.of("0", "-1", "99.5", "100000001")) {
            var refused =
                    send(
                            HttpMethod.POST,
                            "/api/v1/partners/" + partner + "/credit-plans",
                            """
                            {"name":"Plan","priceUsdCents":%s,"aiCreditsUcr":1000000}"""
                                    .formatted(price));
            assertThat(refused.getStatusCode().value()).as(price).isEqualTo(422);
            assertThat(code(refused)).as(price).isEqualTo("INVALID_PRICE");
            assertThat(refused.getBody().path("field").asText()).isEqualTo("priceUsdCents");
        }
        var noCredits =
                send(
                        HttpMethod.POST,
                        "/api/v1/partners/" + partner + "/credit-plans",
                        "{\"name\":\"Plan\",\"priceUsdCents\":100,\"aiCreditsUcr\":0}");
        assertThat(code(noCredits)).isEqualTo("OUT_OF_RANGE");
        assertThat(
                        send(HttpMethod.GET, "/api/v1/partners/" + partner + "/credit-plans", null)
                                .getBody())
                .isEmpty();
    }
}
