package io.ledgerline.gateway.management;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.gateway.livekey.KeyConfig;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A key as the management API shows it (R11). Budget figures are platform micro-credits for partner
 * keys; a self-service key has no budget and shows what it charged in AI micro-credits. {@code
 * secret} is present only in the answer that created or regenerated the key.
 */
public record KeyView(
        String keyId,
        String kind,
        String partnerId,
        String customerId,
        String name,
        String description,
        String prefix,
        String status,
        Set<String> allowedModels,
        List<String> allowedDomains,
        Credits budgetUcr,
        Credits spentUcr,
        Credits remainingUcr,
        Credits reservedUcr,
        Credits platformFeeUcr,
        Long profitMultiplierPercent,
        Credits aiCreditPriceUcr,
        Credits minCostFloorPerMillionTokensUcr,
        AutoTopUpView autoTopUp,
        KeyConfig.RateLimits rateLimits,
        Instant expiresAt,
        Instant createdAt,
        Instant lastUsedAt,
        String secret) {

    /**
     * R10: the key's auto top-up terms (US cents; 1 cent buys 1 platform credit) and what it did:
     * how many top-ups ran, when the last one did, and the last attempt's result ({@code
     * TOPPED_UP}, {@code INSUFFICIENT_CREDITS}, {@code LEDGER_UNAVAILABLE}, ...).
     */
    public record AutoTopUpView(
            long thresholdCents,
            long amountCents,
            long topUps,
            Instant lastTopUpAt,
            String lastResult,
            Instant lastAttemptAt,
            Instant retryNotBefore) {}

    public KeyView withSecret(String issued) {
        return new KeyView(
                keyId,
                kind,
                partnerId,
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
                issued);
    }

    @Override
    public String toString() {
        return "KeyView[" + keyId + ", " + prefix + ", " + status + "]";
    }
}
