package io.ledgerline.portal.downstream;

import io.ledgerline.contracts.money.Credits;

import java.time.Instant;
import java.util.List;

/** The parts of the gateway's key API (gateway-service {@code key/}) the portal reads. */
public final class GatewayViews {

    private GatewayViews() {}

    /** A key; {@code secret} is present only in the answer that created it. */
    public record GatewayKey(
            String keyId,
            String kind,
            String customerId,
            String name,
            String prefix,
            String status,
            List<String> allowedModels,
            Credits spentUcr,
            Instant createdAt,
            Instant lastUsedAt,
            String secret) {}

    /**
     * The partner's Customer Self-Service API Keys settings (R12). Whether they cover one
     * particular customer the gateway decides when a key is created (SELF_SERVICE_DISABLED).
     */
    public record PartnerGatewaySettings(String partnerId, boolean selfServiceEnabled) {}

    /** A model a key may allow; the prices (platform credits per million tokens) when known. */
    public record Model(
            String model, String tier, Credits inputPerMillionUcr, Credits outputPerMillionUcr) {}

    /**
     * A partner's key (R10, R11): the budget figures are platform micro-credits, the customer
     * billing terms are set only when the key bills a customer; {@code secret} is present only in
     * the answer that created or regenerated it.
     */
    public record PartnerKey(
            String keyId,
            String customerId,
            String name,
            String description,
            String prefix,
            String status,
            List<String> allowedModels,
            List<String> allowedDomains,
            Credits budgetUcr,
            Credits spentUcr,
            Credits remainingUcr,
            Credits reservedUcr,
            Credits platformFeeUcr,
            Long profitMultiplierPercent,
            Credits aiCreditPriceUcr,
            Credits minCostFloorPerMillionTokensUcr,
            AutoTopUp autoTopUp,
            RateLimits rateLimits,
            Instant expiresAt,
            Instant createdAt,
            Instant lastUsedAt,
            String secret) {

        public PartnerKey withoutSecret() {
            return new PartnerKey(
                    keyId,
                    customerId,
                    name,
                    description,
                    prefix,
                    status,
                    allowedModels,
                    allowedDomains,
                    budgetUcr,
                    spentUcr,
                    remainingUcr,
                    reservedUcr,
                    platformFeeUcr,
                    profitMultiplierPercent,
                    aiCreditPriceUcr,
                    minCostFloorPerMillionTokensUcr,
                    autoTopUp,
                    rateLimits,
                    expiresAt,
                    createdAt,
                    lastUsedAt,
                    null);
        }
    }

    /** Auto top-up terms in US cents (1 cent buys 1 platform credit) and what they last did. */
    public record AutoTopUp(
            long thresholdCents,
            long amountCents,
            long topUps,
            Instant lastTopUpAt,
            String lastResult) {}

    /** 0 means no limit. */
    public record RateLimits(int requestsPerMinute, long tokensPerMinute) {}

    /** R10: what a budget takes from the partner before a key is created. */
    public record BudgetPreview(
            String tier,
            Credits budgetUcr,
            long platformFeePercent,
            Credits platformFeeUcr,
            Credits totalUcr) {}

    /** R10: what given usage costs the platform and what the assigned customer is charged. */
    public record BillingPreview(
            String model,
            Credits platformCostUcr,
            Credits customerChargeAiUcr,
            Credits customerChargePlatformEquivalentUcr) {}
}
