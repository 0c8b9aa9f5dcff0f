package io.ledgerline.gateway.settings;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.contracts.rating.PartnerTier;
import io.ledgerline.gateway.management.Blocking;
import io.ledgerline.gateway.management.KeyValidation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import java.time.Clock;

/** R12: the partner's customer self-service settings (and its tier, R10). */
@RestController
@RequestMapping("/api/v1/partners/{partnerId}/gateway-settings")
class SettingsController {

    private final SettingsRepository settings;
    private final Clock clock;

    SettingsController(SettingsRepository settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The body of a PUT; a field left out keeps its value. */
    record Settings(
            String tier,
            Boolean selfServiceEnabled,
            Boolean applyToNewCustomers,
            Boolean applyToExistingCustomers,
            Long defaultProfitMultiplierPercent,
            String aiCreditPriceCents) {}

    @GetMapping
    Mono<PartnerSettings> get(@PathVariable String partnerId) {
        return Blocking.call(() -> settings.find(KeyValidation.id(partnerId, "partnerId")));
    }

    /** Fields left out keep their current value; PUT with the same body changes nothing. */
    @PutMapping
    Mono<PartnerSettings> put(@PathVariable String partnerId, @RequestBody Settings body) {
        return Blocking.call(
                () -> {
                    var current = settings.find(KeyValidation.id(partnerId, "partnerId"));
                    var enabled =
                            body.selfServiceEnabled() == null
                                    ? current.selfServiceEnabled()
                                    : body.selfServiceEnabled();
                    var now = clock.instant();
                    var enabledAt =
                            enabled && !current.selfServiceEnabled()
                                    ? now
                                    : enabled ? current.selfServiceEnabledAt() : null;
                    var updated =
                            new PartnerSettings(
                                    partnerId,
                                    tier(body.tier(), current.tier()),
                                    enabled,
                                    body.applyToNewCustomers() == null
                                            ? current.applyToNewCustomers()
                                            : body.applyToNewCustomers(),
                                    body.applyToExistingCustomers() == null
                                            ? current.applyToExistingCustomers()
                                            : body.applyToExistingCustomers(),
                                    body.defaultProfitMultiplierPercent() == null
                                            ? current.defaultProfitMultiplierPercent()
                                            : KeyValidation.notNegative(
                                                    body.defaultProfitMultiplierPercent(),
                                                    "defaultProfitMultiplierPercent"),
                                    body.aiCreditPriceCents() == null
                                            ? current.aiCreditPriceUcr()
                                            : KeyValidation.aiCreditPrice(
                                                    body.aiCreditPriceCents(),
                                                    "aiCreditPriceCents"),
                                    enabledAt,
                                    now);
                    if (sameSettings(current, updated)) {
                        return current;
                    }
                    settings.save(updated);
                    return updated;
                });
    }

    private static boolean sameSettings(PartnerSettings a, PartnerSettings b) {
        return a.updatedAt() != null
                && a.tier() == b.tier()
                && a.selfServiceEnabled() == b.selfServiceEnabled()
                && a.applyToNewCustomers() == b.applyToNewCustomers()
                && a.applyToExistingCustomers() == b.applyToExistingCustomers()
                && a.defaultProfitMultiplierPercent() == b.defaultProfitMultiplierPercent()
                && a.aiCreditPriceUcr().equals(b.aiCreditPriceUcr());
    }

    private static PartnerTier tier(String name, PartnerTier current) {
        if (name == null) {
            return current;
        }
        try {
            return PartnerTier.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw Refused.field(
                    CommonRefusal.UNKNOWN_TIER,
                    "tier",
                    "tier must be one of STARTER, GROWTH, SCALE");
        }
    }
}
