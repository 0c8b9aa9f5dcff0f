package io.ledgerline.billing.catalogue;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.contracts.rating.ModelCatalogue;
import io.ledgerline.contracts.rating.ModelPrice;
import io.ledgerline.contracts.rating.PartnerTier;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;

/** R10: the models a partner tier may put on its keys, with their platform prices. */
@RestController
@RequestMapping("/api/v1/catalogue")
class CatalogueController {

    private final ModelCatalogue catalogue;

    CatalogueController(ModelCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    record CatalogueView(String partnerTier, Long platformFeePercent, List<ModelView> models) {}

    record ModelView(
            String model,
            String tier,
            long inputPerMillionUcr,
            long outputPerMillionUcr,
            String inputPerMillionCredits,
            String outputPerMillionCredits) {

        static ModelView of(ModelPrice price) {
            return new ModelView(
                    price.model(),
                    price.tier().name(),
                    price.inputPerMillionUcr().ucr(),
                    price.outputPerMillionUcr().ucr(),
                    price.inputPerMillionUcr().toDecimalString(),
                    price.outputPerMillionUcr().toDecimalString());
        }
    }

    @GetMapping
    CatalogueView catalogue(@RequestParam(name = "tier", required = false) String tier) {
        if (tier == null || tier.isBlank()) {
            return new CatalogueView(null, null, views(catalogue.all()));
        }
        var partnerTier = parse(tier);
        return new CatalogueView(
                partnerTier.name(),
                partnerTier.platformFeePercent(),
                views(catalogue.availableTo(partnerTier)));
    }

    private static List<ModelView> views(List<ModelPrice> prices) {
        return prices.stream().map(ModelView::of).toList();
    }

    private static PartnerTier parse(String tier) {
        try {
            return PartnerTier.valueOf(tier.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refused.field(
                    CommonRefusal.UNKNOWN_TIER,
                    "tier",
                    "tier must be one of " + Arrays.toString(PartnerTier.values()) + ": " + tier);
        }
    }
}
