package io.ledgerline.billing.catalogue;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.contracts.rating.ModelCatalogue;
import io.ledgerline.contracts.rating.Rating;
import io.ledgerline.contracts.usage.UsageRecorded.CustomerBilling;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * R10 billing preview: what a given usage of a model would cost the partner (platform credits) and
 * charge the customer (AI credits), with the same functions that rate real usage.
 */
@RestController
@RequestMapping("/api/v1/billing-preview")
class BillingPreviewController {

    static final long MAX_PREVIEW_TOKENS = 1_000_000_000_000L;

    private final ModelCatalogue catalogue;

    BillingPreviewController(ModelCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    record PreviewRequest(
            String model,
            Long tokensIn,
            Long tokensOut,
            Long profitMultiplierPercent,
            Long aiCreditPriceUcr,
            Long minCostFloorPerMillionTokensUcr) {}

    record Preview(
            String model,
            String tier,
            long tokensIn,
            long tokensOut,
            long platformCostUcr,
            String platformCostCredits,
            long customerChargeUcr,
            String customerChargeAiCredits) {}

    @PostMapping
    Preview preview(@RequestBody PreviewRequest request) {
        if (request.model() == null) {
            throw Refused.field(CommonRefusal.FIELD_REQUIRED, "model", "model is required");
        }
        var price =
                catalogue
                        .find(request.model())
                        .orElseThrow(
                                () ->
                                        Refused.field(
                                                CommonRefusal.MODEL_NOT_FOUND,
                                                "model",
                                                "no such model: " + request.model()));
        long tokensIn = tokens(request.tokensIn(), "tokensIn");
        long tokensOut = tokens(request.tokensOut(), "tokensOut");
        var billing = billingOf(request);
        var cost = Rating.exactPlatformCost(price, tokensIn, tokensOut);
        var charge = Rating.customerCharge(cost, tokensIn + tokensOut, billing);
        var platformCost = cost.roundUp();
        return new Preview(
                price.model(),
                price.tier().name(),
                tokensIn,
                tokensOut,
                platformCost.ucr(),
                platformCost.toDecimalString(),
                charge.ucr(),
                charge.toDecimalString());
    }

    private static CustomerBilling billingOf(PreviewRequest request) {
        long multiplier =
                request.profitMultiplierPercent() == null
                        ? Rating.PERCENT
                        : request.profitMultiplierPercent();
        if (multiplier < 0) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    "profitMultiplierPercent",
                    "profitMultiplierPercent must not be negative");
        }
        var aiCreditPrice =
                request.aiCreditPriceUcr() == null
                        ? Credits.ofCredits(1)
                        : Credits.ofMicros(request.aiCreditPriceUcr());
        if (!aiCreditPrice.isPositive()) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    "aiCreditPriceUcr",
                    "aiCreditPriceUcr must be positive");
        }
        var floor =
                request.minCostFloorPerMillionTokensUcr() == null
                        ? Credits.ZERO
                        : Credits.ofMicros(request.minCostFloorPerMillionTokensUcr());
        if (floor.isNegative()) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    "minCostFloorPerMillionTokensUcr",
                    "minCostFloorPerMillionTokensUcr must not be negative");
        }
        return new CustomerBilling(multiplier, aiCreditPrice, floor);
    }

    private static long tokens(Long value, String name) {
        if (value == null) {
            return 0;
        }
        if (value < 0 || value > MAX_PREVIEW_TOKENS) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    name,
                    name + " must be between 0 and " + MAX_PREVIEW_TOKENS);
        }
        return value;
    }
}
