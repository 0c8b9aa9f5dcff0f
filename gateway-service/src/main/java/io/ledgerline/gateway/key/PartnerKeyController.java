package io.ledgerline.gateway.key;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.rating.ModelCatalogue;
import io.ledgerline.contracts.rating.ModelPrice;
import io.ledgerline.contracts.rating.Rating;
import io.ledgerline.gateway.error.ApiProblem;
import io.ledgerline.gateway.key.KeyRequests.BillingPreview;
import io.ledgerline.gateway.key.KeyRequests.BudgetPreview;
import io.ledgerline.gateway.key.KeyRequests.CreatePartnerKey;
import io.ledgerline.gateway.key.KeyRequests.KeyCommand;
import io.ledgerline.gateway.key.KeyRequests.TopUp;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The partner's AI Gateway keys (R10, R11), as the partner portal calls them. */
@RestController
@RequestMapping("/api/v1/partners/{partnerId}")
public class PartnerKeyController {

    private final KeyService service;
    private final KeyRegistry registry;
    private final KeyViews views;
    private final SettingsRepository settings;
    private final ModelCatalogue catalogue;

    public PartnerKeyController(
            KeyService service,
            KeyRegistry registry,
            KeyViews views,
            SettingsRepository settings,
            ModelCatalogue catalogue) {
        this.service = service;
        this.registry = registry;
        this.views = views;
        this.settings = settings;
        this.catalogue = catalogue;
    }

    @PostMapping("/keys")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<KeyView> create(@PathVariable String partnerId, @RequestBody CreatePartnerKey body) {
        return Blocking.call(() -> service.createPartnerKey(partnerId, body));
    }

    @GetMapping("/keys")
    List<KeyView> list(
            @PathVariable String partnerId,
            @RequestParam(defaultValue = "false") boolean includeRevoked) {
        return registry.all().stream()
                .filter(key -> key.config().partnerId().equals(partnerId))
                .filter(key -> includeRevoked || !key.revoked())
                .sorted(
                        Comparator.comparing((LiveKey key) -> key.config().createdAt())
                                .thenComparing(LiveKey::keyId))
                .map(views::of)
                .toList();
    }

    @GetMapping("/keys/{keyId}")
    KeyView get(@PathVariable String partnerId, @PathVariable String keyId) {
        var live = registry.byId(keyId);
        if (live == null || !live.config().partnerId().equals(partnerId)) {
            throw ApiProblem.notFound(
                    "KEY_NOT_FOUND", "partner " + partnerId + " has no key " + keyId);
        }
        return views.of(live);
    }

    @PostMapping("/keys/{keyId}/top-ups")
    Mono<KeyView> topUp(
            @PathVariable String partnerId, @PathVariable String keyId, @RequestBody TopUp body) {
        return Blocking.call(() -> service.topUp(partnerId, keyId, body));
    }

    @PostMapping("/keys/{keyId}/regenerate")
    Mono<KeyView> regenerate(
            @PathVariable String partnerId,
            @PathVariable String keyId,
            @RequestBody KeyCommand body) {
        return Blocking.call(() -> service.regenerate(partnerId, keyId, body));
    }

    @PostMapping("/keys/{keyId}/revoke")
    Mono<KeyView> revoke(
            @PathVariable String partnerId,
            @PathVariable String keyId,
            @RequestBody KeyCommand body) {
        return Blocking.call(() -> service.revoke(partnerId, keyId, body));
    }

    /** R10: the total a budget takes from the partner (budget + tier fee), before creation. */
    @PostMapping("/keys/budget-preview")
    Mono<Map<String, Object>> budgetPreview(
            @PathVariable String partnerId, @RequestBody BudgetPreview body) {
        return Blocking.call(
                () -> {
                    var tier = settings.find(KeyValidation.id(partnerId, "partnerId")).tier();
                    var budget = KeyValidation.positive(body.budgetUcr(), "budgetUcr");
                    return Map.of(
                            "tier",
                            tier.name(),
                            "budgetUcr",
                            budget,
                            "platformFeePercent",
                            tier.platformFeePercent(),
                            "platformFeeUcr",
                            tier.platformFeeOn(budget),
                            "totalUcr",
                            tier.totalRequiredFor(budget));
                });
    }

    /** R10: what given usage would cost the platform and the assigned customer. */
    @PostMapping("/keys/billing-preview")
    Map<String, Object> billingPreview(
            @PathVariable String partnerId, @RequestBody BillingPreview body) {
        ModelPrice price =
                catalogue
                        .find(body.model())
                        .orElseThrow(
                                () ->
                                        ApiProblem.badRequest(
                                                "MODEL_NOT_FOUND",
                                                "unknown model: " + body.model()));
        long in = KeyValidation.notNegative(body.tokensIn(), "tokensIn");
        long out = KeyValidation.notNegative(body.tokensOut(), "tokensOut");
        var billing =
                KeyService.billingOf(
                        new KeyRequests.CustomerBillingTerms(
                                null,
                                body.profitMultiplierPercent(),
                                body.aiCreditPriceCents(),
                                body.minCostFloorPerMillionTokensUcr()));
        Credits platformCost = Rating.platformCost(price, in, out);
        Credits customerCharge = Rating.customerCharge(price, in, out, billing);
        return Map.of(
                "model",
                price.model(),
                "platformCostUcr",
                platformCost,
                "customerChargeAiUcr",
                customerCharge,
                "customerChargePlatformEquivalentUcr",
                io.ledgerline.contracts.money.ExactCredits.of(customerCharge)
                        .times(billing.aiCreditPriceUcr().ucr(), Credits.UCR_PER_CREDIT)
                        .roundUp());
    }

    /** R10: the models this partner's tier may put on keys. */
    @GetMapping("/models")
    Mono<List<ModelPrice>> models(@PathVariable String partnerId) {
        return Blocking.call(() -> catalogue.availableTo(settings.find(partnerId).tier()));
    }
}
