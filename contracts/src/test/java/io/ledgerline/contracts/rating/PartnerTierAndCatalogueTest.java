package io.ledgerline.contracts.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.contracts.money.Credits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartnerTierAndCatalogueTest {

    @ParameterizedTest(name = "{0}: budget {1} µcr -> total {2} µcr")
    @CsvSource({
        "STARTER, 1000000000, 1000000000",
        "GROWTH,  1000000000, 1050000000",
        "SCALE,   1000000000, 1100000000",
        "GROWTH,  1,          2",
        "SCALE,   15,         17",
        "SCALE,   10,         11",
        "SCALE,   0,          0",
    })
    void R10_total_required_is_budget_plus_platform_fee_rounded_up_once(
            PartnerTier tier, long budgetUcr, long expectedTotalUcr) {
        assertThat(tier.totalRequiredFor(Credits.ofMicros(budgetUcr)))
                .isEqualTo(Credits.ofMicros(expectedTotalUcr));
    }

    @ParameterizedTest(name = "{0} sees {1}")
    @CsvSource({
        "STARTER, BUDGET",
        "GROWTH,  BUDGET MID",
        "SCALE,   BUDGET MID PREMIUM",
    })
    void R10_models_offered_are_filtered_by_partner_tier(PartnerTier tier, String bands) {
        var offered = ModelCatalogue.standard().availableTo(tier);
        assertThat(offered).isNotEmpty();
        assertThat(offered).allMatch(price -> bands.contains(price.tier().name()));
        assertThat(offered.stream().map(ModelPrice::tier).distinct().count())
                .isEqualTo(bands.split(" ").length);
    }

    @Test
    void the_standard_catalogue_prices_the_models_the_stub_upstream_serves() {
        var catalogue = ModelCatalogue.standard();
        assertThat(catalogue.find("gpt-4o-mini"))
                .get()
                .extracting(ModelPrice::tier)
                .isEqualTo(Tier.BUDGET);
        assertThat(catalogue.find("gpt-4o"))
                .get()
                .extracting(ModelPrice::tier)
                .isEqualTo(Tier.PREMIUM);
        assertThat(catalogue.find("text-embedding-3-small")).isPresent();
        assertThat(catalogue.find("no-such-model")).isEmpty();
        assertThat(catalogue.find(null)).isEmpty();
    }
}
