package io.ledgerline.portal.customerfeatures;

import io.ledgerline.contracts.problem.PortalRefusal;
import io.ledgerline.contracts.problem.Refused;

import java.util.ArrayList;
import java.util.List;

/**
 * The locks between Features & Add-ons toggles: API Keys visibility needs API Access (R4), the AI
 * Gateway toggle needs AI credits (R5), Show Pricing stays off while AI credits are on (R6).
 */
final class FeatureRules {

    /** A toggle the partner cannot turn on now, and why. */
    record Lock(String field, String reason) {}

    private FeatureRules() {}

    /** What the customer gets: a locked toggle counts as off whatever was stored. */
    static CustomerFeatures effective(CustomerFeatures stored, boolean aiCredits) {
        return new CustomerFeatures(
                stored.customerPortalEnabled(),
                stored.knowledgeBase(),
                stored.phoneNumbers(),
                stored.integration(),
                stored.integration() ? stored.integrationApps() : List.of(),
                stored.myDocsAndMedia(),
                stored.apiAccess(),
                stored.apiKeysVisible() && stored.apiAccess(),
                stored.aiGatewayVisible() && aiCredits,
                stored.showPricing() && !aiCredits);
    }

    static List<Lock> locks(CustomerFeatures features, boolean aiCredits) {
        var locks = new ArrayList<Lock>();
        if (!features.apiAccess()) {
            locks.add(new Lock("apiKeysVisible", "API Keys visibility needs API Access on"));
        }
        if (!aiCredits) {
            locks.add(new Lock("aiGatewayVisible", "AI Gateway needs AI credits enabled"));
        }
        if (aiCredits) {
            locks.add(
                    new Lock("showPricing", "Show Pricing stays off while AI credits are enabled"));
        }
        return List.copyOf(locks);
    }

    /** Refuses a change that turns on a toggle its rule keeps off. */
    static void requireUnlocked(CustomerFeatures wanted, boolean aiCredits) {
        for (var lock : locks(wanted, aiCredits)) {
            if (isOn(wanted, lock.field())) {
                throw Refused.field(PortalRefusal.FEATURE_LOCKED, lock.field(), lock.reason());
            }
        }
    }

    private static boolean isOn(CustomerFeatures features, String field) {
        return switch (field) {
            case "apiKeysVisible" -> features.apiKeysVisible();
            case "aiGatewayVisible" -> features.aiGatewayVisible();
            case "showPricing" -> features.showPricing();
            default -> throw new IllegalArgumentException(field);
        };
    }
}
