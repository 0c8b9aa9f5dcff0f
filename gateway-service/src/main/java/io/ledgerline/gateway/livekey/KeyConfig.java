package io.ledgerline.gateway.livekey;

import io.ledgerline.contracts.gateway.KeyStatusChanged.KeyKind;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.usage.UsageRecorded.CustomerBilling;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything about a key that does not change per request. {@code customerBilling} is set for
 * customer self-service keys (from the partner's settings) and for partner keys assigned to a
 * customer; such usage is billed to that customer's AI credits.
 */
public record KeyConfig(
        String keyId,
        KeyKind kind,
        String partnerId,
        String customerId,
        String name,
        String description,
        String secretPrefix,
        Set<String> allowedModels,
        List<String> allowedDomains,
        Credits platformFeeUcr,
        CustomerBilling customerBilling,
        AutoTopUp autoTopUp,
        RateLimits rateLimits,
        Instant expiresAt,
        Instant createdAt) {

    public record AutoTopUp(long thresholdCents, long amountCents) {}

    /** Zero means no limit. */
    public record RateLimits(int requestsPerMinute, long tokensPerMinute) {
        public static final RateLimits NONE = new RateLimits(0, 0);
    }

    public boolean isSelfService() {
        return kind == KeyKind.CUSTOMER_SELF_SERVICE;
    }
}
